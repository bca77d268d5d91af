namespace ChildDashboard.Core.Domain;

// One change of a target (indicator × unit × target year): baseline, target and source before and
// after, in a batch that says who, when and why — targets are audited like values (domain.md §5).
public class TargetAudit
{
    public long Id { get; set; }
    public long BatchId { get; set; }
    public AuditBatch? Batch { get; set; }
    public int IndicatorId { get; set; }
    public int OrgUnitId { get; set; }
    public int TargetYear { get; set; }
    public AuditAction Action { get; set; }
    public int? OldBaselineYear { get; set; }
    public double? OldBaselineValue { get; set; }
    public double? OldTargetValue { get; set; }
    public string? OldSource { get; set; }
    public int? NewBaselineYear { get; set; }
    public double? NewBaselineValue { get; set; }
    public double? NewTargetValue { get; set; }
    public string? NewSource { get; set; }
}
