using System.ComponentModel;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Services;
using ChildDashboard.Web.Account;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChildDashboard.Web.Api;

public static class CompletenessEndpoints
{
    public static void MapCompleteness(this RouteGroupBuilder api) =>
        api.MapGet("/completeness", GetAsync)
            .WithName("GetCompleteness")
            .WithTags("Reporting")
            .WithSummary("Completeness and timeliness of the quarterly forms (domain.md §5)")
            .WithDescription("""
                One row per asked (unit, period): values expected and entered over the forms of the provinces that had to report
                (63 up to 2025Q2, 34 from 2025Q3), completeness as a ratio of sums, and how many forms were submitted, approved
                and on time. With `children=true`, one row per form besides: status, deadline, first submission, on time, days
                overdue. A unit with no form expected in the period (a commune, a closed unit after it closed) has no row.
                """)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<Results<Ok<CompletenessResponse>, ProblemHttpResult>> GetAsync(
        HttpContext http, CompletenessService completeness, CatalogueCache catalogues, TimeProvider time,
        [Description("A unit code (`VN`, `15`) or `CODE@YYYY-MM-DD`. Repeat for several.")] string[] orgUnit,
        [Description("A period (`2025Q3`, `2025`). Repeat for several.")] string[] period,
        [Description("Also one row per form of the reporting provinces inside each unit.")] bool? children,
        CancellationToken ct)
    {
        var catalogue = await catalogues.GetAsync();
        var access = CurrentUser.Access(http.User, catalogue) ?? throw new InvalidOperationException("The caller has no scope unit.");
        var today = VietnamClock.Today(time);
        var resolver = new QueryResolver(catalogue, today, access.ScopeOrNullIfNational);
        var units = resolver.Units(orgUnit);
        var periods = resolver.Periods(period);
        if (!resolver.IsValid)
            return Problems.Result(resolver.IsOutOfScopeOnly ? 403 : 400, string.Join(" ", resolver.Errors), resolver.Errors);

        var rows = new List<object>();
        foreach (var (asked, unit) in units)
        {
            foreach (var p in periods)
            {
                if (await completeness.ForUnitAsync(access, unit, p, ct) is not { } summary)
                    continue;
                rows.Add(CompletenessSummaryRow.From(asked, summary));
                if (children == true)
                    rows.AddRange(summary.Forms.Select(f => CompletenessFormRow.From(f, today)));
            }
        }
        return TypedResults.Ok(new CompletenessResponse(rows));
    }
}
