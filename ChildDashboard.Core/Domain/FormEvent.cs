namespace ChildDashboard.Core.Domain;

// One workflow step of a form, kept for ever: who moved it, when, and the message they gave.
public class FormEvent
{
    public long Id { get; set; }
    public int ReportFormId { get; set; }
    public FormAction Action { get; set; }
    public required string ByUser { get; set; }
    public DateTime AtUtc { get; set; }
    public string? Message { get; set; }
}
