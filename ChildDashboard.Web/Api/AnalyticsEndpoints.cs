using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Services;

namespace ChildDashboard.Web.Api;

public static class AnalyticsEndpoints
{
    public static void MapAnalytics(this RouteGroupBuilder api) =>
        api.MapGet("/analytics", async (HttpContext http, AnalyticsService analytics, CatalogueCache catalogues, CancellationToken ct) =>
        {
            var catalogue = await catalogues.GetAsync();
            var scope = ApiUser.ScopeUnitId(http.User, catalogue) is { } id ? catalogue.Units[id] : null;
            var query = new AnalyticsQuery(
                http.Request.Query["indicator"].OfType<string>().ToList(),
                http.Request.Query["orgUnit"].OfType<string>().ToList(),
                http.Request.Query["period"].OfType<string>().ToList());
            var result = await analytics.QueryAsync(query, scope, ct);
            return result.IsValid
                ? Results.Json(new { rows = result.Rows })
                : Problems.Result(400, "Bad query", string.Join(" ", result.Errors), result.Errors);
        });
}
