namespace ChildDashboard.Core.Domain;

// A stored figure, kept on the unit open on the first day of its period (domain.md §1).
public class DataValue
{
    public long Id { get; set; }
    public int DataElementId { get; set; }
    public DataElement? DataElement { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public required string Period { get; set; }
    public string OptionCode { get; set; } = DisaggregationOption.DefaultCode;
    public double Value { get; set; }
    public string? Comment { get; set; }
    public string? StoredBy { get; set; }
    public DateTime LastUpdatedUtc { get; set; }
    // Bumped on every update so that a second concurrent save is refused.
    public int Version { get; set; }
}
