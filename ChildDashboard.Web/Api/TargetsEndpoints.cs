using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Services;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Web.Api;

public static class TargetsEndpoints
{
    public static void MapTargets(this RouteGroupBuilder api) =>
        api.MapPost("/targets", async (HttpContext http, bool? dryRun, TargetImportService imports, CatalogueCache catalogues,
            IOptions<ImportOptions> limits, CancellationToken ct) =>
        {
            if (!ApiUser.MayWriteTargets(http.User))
                return Problems.Result(403, "Forbidden", "Only administrators and analysts may set targets.");
            var (body, failure) = await RequestBody.ReadAsync(http, limits.Value.MaxFileBytes, TargetCsv.Read, readJson: null, ct);
            if (body is null)
                return failure ?? Problems.Result(400, "Unreadable body", "The body could not be read.");
            if (body.Conflicts.Count > 0)
                return Results.Json(ImportReport.Failed(dryRun ?? false, body.Conflicts), statusCode: 409);

            var catalogue = await catalogues.GetAsync();
            var context = new ImportContext(ApiUser.Name(http.User), ApiUser.ScopeUnitId(http.User, catalogue), dryRun ?? false);
            var report = await imports.ImportAsync(body.Rows, context, ct);
            return Results.Json(report, statusCode: report.Succeeded ? 200 : 409);
        });
}
