namespace ChildDashboard.Core.Analytics;

public enum ForecastOutcome
{
    WillMeet,
    WillMiss,
}

// Whether the present pace reaches the target (domain.md §8): a Theil–Sen line through the values
// of the latest whole years, its value in the target year, and the first year it meets the target.
public sealed record Forecast(
    int Points, int FromYear, int ToYear, double Slope, double Intercept,
    int TargetYear, double Target, double Projected, int? ReachedYear, ForecastOutcome Outcome);
