namespace ChildDashboard.Core.Domain;

// A node of the administrative tree (VN → provinces → communes) with the dates it existed.
public class OrgUnit
{
    // The nation's code, the root of the tree.
    public const string NationCode = "VN";

    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameVi { get; set; }
    public required string NameEn { get; set; }
    public int Level { get; set; }
    public int? ParentId { get; set; }
    public OrgUnit? Parent { get; set; }
    public DateOnly OpeningDate { get; set; }
    // The last day the unit existed, inclusive.
    public DateOnly? ClosedDate { get; set; }
    public int? SuccessorId { get; set; }
    public OrgUnit? Successor { get; set; }
    public string? RegionVi { get; set; }
    public string? RegionEn { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    public bool IsOpenOn(DateOnly date) => OpeningDate <= date && (ClosedDate is null || date <= ClosedDate);

    public string Name(bool vietnamese) => vietnamese ? NameVi : NameEn;
}
