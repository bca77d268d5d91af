using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using ChildDashboard.Core.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChildDashboard.Web.Api;

public static class AnalyticsEndpoints
{
    public static void MapAnalytics(this RouteGroupBuilder api) =>
        api.MapGet("/analytics", GetAsync)
            .WithName("GetAnalytics")
            .WithTags("Analytics")
            .WithSummary("Indicator values, progress and status for each (indicator, unit, period)")
            .WithDescription("""
                One row per combination of the parameters, each of which may repeat. Numbers are at full precision; `value`,
                `progress` and the like are null where there is no value, and `partial` is true for a period not over yet.
                With `forecast=true` each row also carries `forecast`: a Theil–Sen line through the latest six whole years
                with a value (at least three), its value in the target year, the year it meets the target and whether that is
                in time (`WillMeet`/`WillMiss`), or null where no forecast applies (domain.md §8).
                The `Server-Timing` header says how long the arithmetic took.
                """)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<Results<Ok<AnalyticsResponse>, Ok<AnalyticsForecastResponse>, ProblemHttpResult>> GetAsync(
        HttpContext http, AnalyticsService analytics, CatalogueCache catalogues,
        [Description("An indicator code (`CP03`), or `ALL`. Repeat for several.")] string[] indicator,
        [Description("A unit code (`15`: the unit open today, else the last one of that code) or `CODE@YYYY-MM-DD` (`15@2024-01-01`: the unit open on that date); echoed in the answer. Repeat for several.")] string[] orgUnit,
        [Description("A period (`2023`, `2025Q3`). Repeat for several.")] string[] period,
        [Description("`true`: each row also carries the forecast of its indicator and unit.")] bool? forecast,
        CancellationToken ct)
    {
        var catalogue = await catalogues.GetAsync();
        var scope = ApiUser.ScopeUnit(http.User, catalogue);
        var started = Stopwatch.GetTimestamp();
        var result = await analytics.QueryAsync(new AnalyticsQuery(indicator, orgUnit, period, forecast == true), scope, ct);
        // How long the arithmetic took, apart from sign-in and serialisation (W3C Server-Timing).
        http.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"analytics;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1}");
        if (!result.IsValid)
            return Problems.Result(result.OutOfScope ? 403 : 400, string.Join(" ", result.Errors), result.Errors);
        return forecast == true
            ? TypedResults.Ok(new AnalyticsForecastResponse(result.Rows.Select(AnalyticsForecastRow.From).ToList()))
            : TypedResults.Ok(new AnalyticsResponse(result.Rows));
    }
}
