namespace ChildDashboard.Core.Domain;

// One set of changes made together (an import, a form save): who, when and why, kept once for
// all the value changes it holds.
public class AuditBatch
{
    public long Id { get; set; }
    public required string ChangedBy { get; set; }
    public DateTime ChangedAtUtc { get; set; }
    public required string Reason { get; set; }
}
