using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Services.Dashboards;

// One indicator of a dashboard: its figure for the period with the target as compared (§4), the
// same period a year earlier, the yearly trend and the forecast (§8). ElementIds and DependsFrom
// (the first day of the earliest period read for it) say which changes can move it.
public sealed record DashboardRow(
    Indicator Indicator,
    double? Value, double? Numerator, double? Denominator,
    double? Baseline, int? BaselineYear, double? Target, int? TargetYear,
    double? Progress, double? Expected, IndicatorStatus Status,
    double? LastYearValue, IReadOnlyList<double?> Trend, Forecast? Forecast,
    IReadOnlyList<int> ElementIds, DateOnly DependsFrom)
{
    // The change against the same period of the year before; null when either has no value.
    public double? Change => Value is { } now && LastYearValue is { } before ? now - before : null;

    // Whether the change goes the indicator's good way (null: no change to judge).
    public bool? ChangeIsGood => Change is not { } change || change == 0 ? null
        : Indicator.Direction == Direction.Up ? change > 0 : change < 0;

    // The same figures: a live update marks the rows whose figures moved.
    public bool SameFiguresAs(DashboardRow other) =>
        Value == other.Value && Target == other.Target && Status == other.Status && LastYearValue == other.LastYearValue;
}
