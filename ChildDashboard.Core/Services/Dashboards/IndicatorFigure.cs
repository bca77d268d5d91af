using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Services.Dashboards;

// One figure of an indicator for a unit and period, as AnalyticsService answers it (domain.md §3–4),
// with the completeness of the values behind it (entered ÷ expected of the indicator's elements,
// domain.md §5; null when no form is expected).
public sealed record IndicatorFigure(
    Period Period, double? Value, double? Numerator, double? Denominator,
    double? Baseline, int? BaselineYear, double? Target, int? TargetYear,
    double? Progress, double? Expected, IndicatorStatus Status, bool Partial, DataCompleteness? Completeness)
{
    public static IndicatorFigure From(Period period, AnalyticsRow row, DataCompleteness? completeness) => new(
        period, row.Value, row.Numerator, row.Denominator, row.Baseline, row.BaselineYear, row.Target, row.TargetYear,
        row.Progress, row.Expected, row.Status, row.Partial, completeness);
}

public sealed record DataCompleteness(int Entered, int Expected)
{
    public double Ratio => Expected == 0 ? 0 : (double)Entered / Expected;
}
