namespace ChildDashboard.Core.Domain;

// Tells one user that a form moved (submitted: to its approvers; approved, returned, reopened: to
// its data-entry staff). Unread until they open their list.
public class FormNotification
{
    public long Id { get; set; }
    public required string UserName { get; set; }
    public int ReportFormId { get; set; }
    public int OrgUnitId { get; set; }
    public required string Period { get; set; }
    public FormAction Action { get; set; }
    public required string FromUser { get; set; }
    public string? Message { get; set; }
    public DateTime AtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }
}
