namespace ChildDashboard.Core.Domain;

// A yearly target for an indicator in a unit, with an optional baseline (domain.md §4).
public class Target
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public int? BaselineYear { get; set; }
    public double? BaselineValue { get; set; }
    public int TargetYear { get; set; }
    public double TargetValue { get; set; }
    public string? Source { get; set; }

    public bool HasBaseline => BaselineYear is { } year && BaselineValue is not null && year < TargetYear;
}
