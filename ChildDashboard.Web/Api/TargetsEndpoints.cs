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
            return await ImportEndpoint.RunAsync(http, dryRun, limits.Value.MaxFileBytes, catalogues,
                TargetCsv.Read, readJson: null, imports.ImportAsync, ct);
        });
}
