namespace ChildDashboard.Core.Services;

// Who imports, within which unit they may write (null: everywhere), and whether to write at all.
public sealed record ImportContext(string UserName, int? ScopeUnitId, bool DryRun)
{
    // Why, as the audit batch keeps it: a file, or an edit on the targets page.
    public string Reason { get; init; } = "import";
}
