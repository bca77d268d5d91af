namespace ChildDashboard.Web.Api;

public sealed record MetadataTarget(
    string Indicator, string OrgUnit, int? BaselineYear, double? BaselineValue, int TargetYear, double TargetValue, string? Source);
