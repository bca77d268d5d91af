namespace ChildDashboard.Core.Exchange;

// Bound from the `Import` configuration section (`Import__MaxFileBytes`).
public sealed class ImportOptions
{
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;
}
