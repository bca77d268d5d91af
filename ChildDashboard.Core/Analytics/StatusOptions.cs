namespace ChildDashboard.Core.Analytics;

// The status margins of domain.md §4, bound from the `Status` configuration section.
public sealed class StatusOptions
{
    // OnTrack when progress ≥ expected − this.
    public double OnTrackMargin { get; set; } = 0.10;
    // AtRisk when progress ≥ expected − this.
    public double AtRiskMargin { get; set; } = 0.25;
    // Without a baseline: AtRisk when progress (actual ÷ target) ≥ this.
    public double NoBaselineAtRisk { get; set; } = 0.90;
}
