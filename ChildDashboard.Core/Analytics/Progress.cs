using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Analytics;

// How a value compares with the target that applies (domain.md §4). Baseline and target are as
// compared: pro-rated to the period for indicators that count events.
public sealed record Progress(
    double? Baseline, int? BaselineYear, double? Target, int? TargetYear,
    double? Ratio, double? Expected, IndicatorStatus Status)
{
    public static readonly Progress NoTarget = new(null, null, null, null, null, null, IndicatorStatus.NoTarget);
}
