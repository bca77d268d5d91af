namespace ChildDashboard.Core.Services;

// The rows, or the reasons the question could not be answered (nothing is answered then).
public sealed record AnalyticsResult(IReadOnlyList<AnalyticsRow> Rows, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
