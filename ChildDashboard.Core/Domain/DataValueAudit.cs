namespace ChildDashboard.Core.Domain;

// One change of a stored value: who, when, old and new value, and why (domain.md §5).
public class DataValueAudit
{
    public long Id { get; set; }
    public int DataElementId { get; set; }
    public int OrgUnitId { get; set; }
    public required string Period { get; set; }
    public required string OptionCode { get; set; }
    public AuditAction Action { get; set; }
    public double? OldValue { get; set; }
    public double? NewValue { get; set; }
    public required string ChangedBy { get; set; }
    public DateTime ChangedAtUtc { get; set; }
    public string? Reason { get; set; }
}
