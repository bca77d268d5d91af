using System.Diagnostics;
using System.Globalization;
using ChildDashboard.Core.Services;

namespace ChildDashboard.Web.Api;

public static class AnalyticsEndpoints
{
    public static void MapAnalytics(this RouteGroupBuilder api) =>
        api.MapGet("/analytics", async (HttpContext http, AnalyticsService analytics, CatalogueCache catalogues, CancellationToken ct) =>
        {
            var catalogue = await catalogues.GetAsync();
            var scope = ApiUser.ScopeUnit(http.User, catalogue);
            var query = new AnalyticsQuery(
                http.Request.Query["indicator"].OfType<string>().ToList(),
                http.Request.Query["orgUnit"].OfType<string>().ToList(),
                http.Request.Query["period"].OfType<string>().ToList());
            var started = Stopwatch.GetTimestamp();
            var result = await analytics.QueryAsync(query, scope, ct);
            // How long the arithmetic took, apart from sign-in and serialisation (W3C Server-Timing).
            http.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"analytics;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1}");
            return result.IsValid
                ? Results.Json(new { rows = result.Rows })
                : Problems.Result(400, "Bad query", string.Join(" ", result.Errors), result.Errors);
        });
}
