namespace ChildDashboard.Core.Analytics;

// The arithmetic of one indicator for one unit and period; Value is null when there is none.
public sealed record IndicatorValue(double? Numerator, double? Denominator, double? Value);
