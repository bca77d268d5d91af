using System.ComponentModel;
using ChildDashboard.Core.Services;
using ChildDashboard.Web.Account;

namespace ChildDashboard.Web.Api;

public static class TemplatesEndpoints
{
    public static void MapTemplates(this RouteGroupBuilder api) =>
        api.MapGet("/templates/entry", CreateAsync)
            .WithName("EntryTemplate")
            .WithTags("Data values")
            .WithSummary("The .xlsx entry template of a province for a quarter")
            .WithDescription("""
                One row per value the province's quarter form expects (the yearly values in the last quarter of the year in which
                the province is open), names in the language of `Accept-Language`, the values stored so far and the previous
                period's for reference. Filled in and sent to `POST /api/v1/dataValueSets`, it imports those values. Needs a role
                that may import data for the unit (Admin, Analyst, DataEntry within their scope).
                """)
            .Produces(StatusCodes.Status200OK, contentType: RequestBody.XlsxMediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> CreateAsync(
        HttpContext http, EntryTemplateService templates, CatalogueCache catalogues,
        [Description("The province's code, resolved on the quarter's first day.")] string orgUnit,
        [Description("The quarter (`2025Q3`).")] string period,
        CancellationToken ct)
    {
        var access = CurrentUser.Access(http.User, await catalogues.GetAsync()) ?? throw new InvalidOperationException("The caller has no scope unit.");
        var result = await templates.CreateAsync(access, orgUnit, period, ct);
        if (result.Workbook is null)
            return Problems.Result(result.Forbidden ? 403 : 400, result.Error ?? "");
        return Results.File(result.Workbook, RequestBody.XlsxMediaType, result.FileName);
    }
}
