namespace ChildDashboard.Web.Api;

// Ref, Parent and Successor are CODE@openingDate, unambiguous across reused codes.
public sealed record MetadataOrgUnit(
    string Code, string Ref, string NameVi, string NameEn, int Level, string? Parent,
    DateOnly OpeningDate, DateOnly? ClosedDate, string? Successor,
    string? RegionVi, string? RegionEn, double? Latitude, double? Longitude);
