namespace ChildDashboard.Core.Domain;

// A province × quarter form moving Draft → Submitted → Approved (domain.md §5).
public class ReportForm
{
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public required string Period { get; set; }
    public FormStatus Status { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? ApprovedAtUtc { get; set; }
    public string? ApprovedBy { get; set; }
    public string? ReturnReason { get; set; }
    public int Version { get; set; }
}
