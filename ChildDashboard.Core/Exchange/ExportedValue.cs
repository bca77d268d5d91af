namespace ChildDashboard.Core.Exchange;

// A stored value as exports and GET /api/v1/dataValueSets write it.
public sealed record ExportedValue(
    string DataElement, string Period, string OrgUnit, string CategoryOptionCombo, double Value,
    string? StoredBy, DateTime LastUpdatedUtc, string? Comment);
