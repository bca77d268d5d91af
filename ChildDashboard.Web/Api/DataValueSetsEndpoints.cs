using System.Globalization;
using System.Text;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Services;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Web.Api;

public static class DataValueSetsEndpoints
{
    public static void MapDataValueSets(this RouteGroupBuilder api)
    {
        api.MapPost("/dataValueSets", async (HttpContext http, bool? dryRun, DataValueImportService imports, CatalogueCache catalogues,
            IOptions<ImportOptions> limits, CancellationToken ct) =>
            await ImportEndpoint.RunAsync(http, dryRun, limits.Value.MaxFileBytes, catalogues,
                DataValueCsv.Read, DataValueJson.Read, imports.ImportAsync, ct))
            .RequireAuthorization(ApiPolicies.WriteData);

        api.MapGet("/dataValueSets", async (HttpContext http, bool? children, DataValueExportService exports, CatalogueCache catalogues, CancellationToken ct) =>
        {
            var catalogue = await catalogues.GetAsync();
            var scope = ApiUser.ScopeUnit(http.User, catalogue);
            var query = new DataValueExportService.Query(
                http.Request.Query["orgUnit"].OfType<string>().ToList(), http.Request.Query["period"].OfType<string>().ToList(),
                http.Request.Query["dataElement"].OfType<string>().ToList(), children ?? false);
            var result = await exports.ExportAsync(query, scope, ct);
            if (result.Errors.Count > 0)
                return Problems.Result(400, "Bad query", string.Join(" ", result.Errors), result.Errors);

            if (http.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase))
            {
                var csv = new StringWriter(CultureInfo.InvariantCulture);
                DataValueCsv.Write(csv, result.Values);
                return Results.Text(csv.ToString(), "text/csv; charset=utf-8", Encoding.UTF8);
            }
            return Results.Json(new
            {
                dataValues = result.Values.Select(v => new
                {
                    dataElement = v.DataElement, period = v.Period, orgUnit = v.OrgUnit, categoryOptionCombo = v.CategoryOptionCombo,
                    value = v.Value.ToString("R", CultureInfo.InvariantCulture), storedBy = v.StoredBy,
                    lastUpdated = v.LastUpdatedUtc.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture), comment = v.Comment,
                }),
            });
        });
    }
}
