using System.ComponentModel;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Exchange.Xlsx;
using ChildDashboard.Core.Services;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Web.Api;

public static class TargetsEndpoints
{
    public static void MapTargets(this RouteGroupBuilder api) =>
        api.MapPost("/targets", ImportAsync)
            .RequireAuthorization(ApiPolicies.WriteTargets)
            .WithName("ImportTargets")
            .WithTags("Targets")
            .WithSummary("Import targets (CSV, or a .csv file in a form), all or nothing")
            .WithDescription("""
                CSV columns: `indicator, orgunit, baseline_year, baseline_value, target_year, target_value, source`. A row with the
                same indicator, unit and target year replaces the old target. Needs the Admin or Analyst role.
                """)
            .AcceptsImportBody(json: null, TargetXlsx.SheetName)
            .ProducesImportAnswers();

    private static Task<IResult> ImportAsync(
        HttpContext http, TargetImportService imports, CatalogueCache catalogues, IOptions<ImportOptions> limits,
        [Description("`true` checks and reports without writing (409 when it finds conflicts, like a real run).")] bool? dryRun,
        CancellationToken ct) =>
        ImportEndpoint.RunAsync(http, dryRun, limits.Value.MaxFileBytes, catalogues,
            new RequestBody.Readers<TargetRow>(TargetCsv.Read, Json: null, stream => TargetXlsx.Read(stream, XlsxLimits.From(limits.Value))),
            imports.ImportAsync, ct);
}
