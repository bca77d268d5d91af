namespace ChildDashboard.Core.Domain;

// One change of a stored value: old and new value, in a batch that says who, when and why
// (domain.md §5). StoredBy is set when the file named someone other than the importing user.
public class DataValueAudit
{
    public long Id { get; set; }
    public long BatchId { get; set; }
    public AuditBatch? Batch { get; set; }
    public int DataElementId { get; set; }
    public int OrgUnitId { get; set; }
    public required string Period { get; set; }
    public required string OptionCode { get; set; }
    public AuditAction Action { get; set; }
    public double? OldValue { get; set; }
    public double? NewValue { get; set; }
    public string? StoredBy { get; set; }
    // What the user wrote when saving it from a form.
    public string? Comment { get; set; }
}
