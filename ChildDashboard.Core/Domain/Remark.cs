namespace ChildDashboard.Core.Domain;

// A comment on a value (element and option of a unit and period) or on an indicator of a unit and
// period, with who wrote it and when.
public class Remark
{
    public long Id { get; set; }
    public CommentKind Kind { get; set; }
    public int OrgUnitId { get; set; }
    public required string Period { get; set; }
    public int? DataElementId { get; set; }
    public string? OptionCode { get; set; }
    public int? IndicatorId { get; set; }
    public required string Text { get; set; }
    public required string Author { get; set; }
    public DateTime AtUtc { get; set; }
    // A return comment is resolved when the form is submitted again.
    public DateTime? ResolvedAtUtc { get; set; }

    public const int MaxLength = 1000;
}
