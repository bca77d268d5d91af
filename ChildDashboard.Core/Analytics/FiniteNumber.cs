namespace ChildDashboard.Core.Analytics;

// Figures are never ∞ or NaN (domain.md §3): values stored before inputs were bounded, or sums of
// values near double's limit, give no figure rather than one that cannot be written as JSON.
internal static class FiniteNumber
{
    public static double? OrNull(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
