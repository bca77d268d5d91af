using System.Text.Json;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Services;

namespace ChildDashboard.Web.Api;

// What every import endpoint does: read the body within the size limit, answer a file-level
// problem with 409, else import in the caller's name and scope, 200 or 409 with the report.
internal static class ImportEndpoint
{
    public static async Task<IResult> RunAsync<TRow>(
        HttpContext http, bool? dryRun, long maxBytes, CatalogueCache catalogues,
        Func<TextReader, (List<TRow>, List<ImportConflict>)> readCsv, Func<JsonDocument, (List<TRow>, List<ImportConflict>)>? readJson,
        Func<IReadOnlyList<TRow>, ImportContext, CancellationToken, Task<ImportReport>> import, CancellationToken ct)
    {
        var (body, failure) = await RequestBody.ReadAsync(http, maxBytes, readCsv, readJson, ct);
        if (body is null)
            return failure ?? Problems.Result(400, "Unreadable body", "The body could not be read.");
        if (body.Conflicts.Count > 0)
            return Results.Json(ImportReport.Failed(dryRun ?? false, body.Conflicts), statusCode: 409);

        var catalogue = await catalogues.GetAsync();
        var context = new ImportContext(ApiUser.Name(http.User), ApiUser.ScopeUnitId(http.User, catalogue), dryRun ?? false);
        var report = await import(body.Rows, context, ct);
        return Results.Json(report, statusCode: report.Succeeded ? 200 : 409);
    }
}
