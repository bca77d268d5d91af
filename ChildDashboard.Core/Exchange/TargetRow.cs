namespace ChildDashboard.Core.Exchange;

// One row of a targets file (the columns of targets.tsv), not yet checked.
public sealed record TargetRow(
    int Row, string? Indicator, string? OrgUnit, string? BaselineYear, string? BaselineValue,
    string? TargetYear, string? TargetValue, string? Source);
