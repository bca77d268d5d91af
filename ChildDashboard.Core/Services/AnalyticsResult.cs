namespace ChildDashboard.Core.Services;

// The rows, or the reasons the question could not be answered (nothing is answered then).
// OutOfScope: every reason is a unit outside the caller's scope.
public sealed record AnalyticsResult(IReadOnlyList<AnalyticsRow> Rows, IReadOnlyList<string> Errors, bool OutOfScope = false)
{
    public bool IsValid => Errors.Count == 0;
}
