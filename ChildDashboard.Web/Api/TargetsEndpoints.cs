using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Services;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Web.Api;

public static class TargetsEndpoints
{
    public static void MapTargets(this RouteGroupBuilder api) =>
        api.MapPost("/targets", async (HttpContext http, bool? dryRun, TargetImportService imports, CatalogueCache catalogues,
            IOptions<ImportOptions> limits, CancellationToken ct) =>
            await ImportEndpoint.RunAsync(http, dryRun, limits.Value.MaxFileBytes, catalogues,
                TargetCsv.Read, readJson: null, imports.ImportAsync, ct))
            .RequireAuthorization(ApiPolicies.WriteTargets);
}
