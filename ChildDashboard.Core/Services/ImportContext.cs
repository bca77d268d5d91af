using ChildDashboard.Core.Exchange;

namespace ChildDashboard.Core.Services;

// Who imports, within which unit they may write (null: everywhere), and whether to write at all.
// Previewed: the changes a dry run showed the user; the commit refuses to make any other.
public sealed record ImportContext(string UserName, int? ScopeUnitId, bool DryRun)
{
    public IReadOnlyList<ImportChange>? Previewed { get; init; }
    // Why, as the audit batch keeps it: a file, or an edit on the targets page.
    public string Reason { get; init; } = "import";
}
