using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Notifications;

namespace ChildDashboard.Core.Services.Dashboards;

// What a leader's overview shows for one unit and period, shared by every page that shows it.
// Each row's Trend holds the values of TrendYears (oldest first).
public sealed record Dashboard(
    OrgUnit Unit, Period Period, bool IsPartial, Period? DataThrough, bool IsDemoData,
    IReadOnlyList<int> TrendYears, IReadOnlyList<DashboardRow> Rows, DateTimeOffset ComputedAtUtc)
{
    public IReadOnlyDictionary<IndicatorStatus, int> StatusCounts { get; } = Count(Rows);

    public static IReadOnlyDictionary<IndicatorStatus, int> Count(IEnumerable<DashboardRow> rows)
    {
        var counts = Enum.GetValues<IndicatorStatus>().ToDictionary(s => s, _ => 0);
        foreach (var row in rows)
            counts[row.Status]++;
        return counts;
    }

    // The indicators whose forecast misses their target, by target year.
    public IReadOnlyList<(int TargetYear, int Count)> WillMiss() => Rows
        .Where(r => r.Forecast is { Outcome: ForecastOutcome.WillMiss })
        .GroupBy(r => r.Forecast!.TargetYear)
        .OrderBy(g => g.Key)
        .Select(g => (g.Key, g.Count()))
        .ToList();

    // A change of values moves a row when it touches the unit, one of the row's elements and a
    // period between the earliest the row read and the end of the period shown.
    public bool IsTouchedBy(ChangeSet changes) =>
        changes.Kind != ChangeKind.Values
        || (changes.TouchesUnit(Unit.Id) && Rows.Any(row => changes.TouchesElements(row.ElementIds)
            && changes.Periods.Any(p => p.End >= row.DependsFrom && p.Start <= Period.End)));
}
