namespace ChildDashboard.Core.Domain;

// The free text a province writes for one of its reports to the ministry (domain.md §5): one per
// unit × report period (`2026S1` the six-month report, `2026` the annual one). Version is the
// concurrency token kept by hand (SQLite has no rowversion): a save that read an older version is
// refused instead of overwriting what someone else wrote.
public class ReportNarrative
{
    public const int MaxLength = 8000;

    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public required string Period { get; set; }
    public required string Text { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
}
