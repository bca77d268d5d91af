using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Services;
using ChildDashboard.Web.Account;
using ChildDashboard.Web.Api;
using ChildDashboard.Web.Authorization;

namespace ChildDashboard.Web.Downloads;

// The export page's downloads, signed in by the browser's cookie (the API takes tokens only). They
// only read, with the same services and the same scope checks as GET /api/v1/dataValueSets and
// /api/v1/templates/entry, so a plain link downloads the file.
public static class DownloadEndpoints
{
    public const string ValuesPath = "/export/values";
    public const string TemplatePath = "/export/template";

    public static void MapDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ValuesPath, ValuesAsync).RequireAuthorization(AccessPolicies.Export).ExcludeFromDescription();
        endpoints.MapGet(TemplatePath, TemplateAsync).RequireAuthorization(AccessPolicies.ImportData).ExcludeFromDescription();
    }

    private static async Task<IResult> ValuesAsync(
        HttpContext http, DataValueExportService exports, CatalogueCache catalogues,
        string[] orgUnit, string[] period, string[]? dataElement, bool? children, string? format, CancellationToken ct)
    {
        var access = CurrentUser.Access(http.User, await catalogues.GetAsync());
        if (access is null)
            return Results.Forbid();
        var plan = await exports.PlanAsync(new DataValueExportService.Query(orgUnit, period, dataElement ?? [], children ?? false), access.ScopeOrNullIfNational);
        if (plan.Errors.Count > 0)
            return Results.Text(string.Join(" ", plan.Errors), statusCode: plan.OutOfScope ? 403 : 400);
        return format == "xlsx"
            ? DataValueFiles.Xlsx(http, exports, plan, ct)
            : DataValueFiles.Csv(exports, plan, "dataValueSets.csv", ct);
    }

    private static async Task<IResult> TemplateAsync(
        HttpContext http, EntryTemplateService templates, CatalogueCache catalogues, string orgUnit, string period, CancellationToken ct)
    {
        var access = CurrentUser.Access(http.User, await catalogues.GetAsync());
        if (access is null)
            return Results.Forbid();
        var result = await templates.CreateAsync(access, orgUnit, period, ct);
        if (result.Workbook is null)
            return Results.Text(result.Error ?? "", statusCode: result.Forbidden ? 403 : 400);
        return Results.File(result.Workbook, RequestBody.XlsxMediaType, result.FileName);
    }

    // The link the export page offers for a selection.
    public static string ValuesUrl(IEnumerable<string> units, IEnumerable<string> periods, IEnumerable<string> elements, bool children, string format)
    {
        var query = units.Select(u => ("orgUnit", u)).Concat(periods.Select(p => ("period", p))).Concat(elements.Select(e => ("dataElement", e)))
            .Append(("children", children ? "true" : "false")).Append(("format", format));
        return ValuesPath + "?" + string.Join("&", query.Select(q => $"{q.Item1}={Uri.EscapeDataString(q.Item2)}"));
    }

    public static string TemplateUrl(OrgUnit province, Period quarter) =>
        $"{TemplatePath}?orgUnit={Uri.EscapeDataString(province.Code)}&period={quarter.Code}";
}
