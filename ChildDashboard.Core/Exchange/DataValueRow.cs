namespace ChildDashboard.Core.Exchange;

// One row of a data value set as it came in (CSV, JSON, Excel or the entry form), not yet checked.
public sealed record DataValueRow(
    int Row,
    string? DataElement,
    string? Period,
    string? OrgUnit,
    string? CategoryOptionCombo,
    string? Value,
    string? StoredBy = null,
    string? Comment = null,
    string? Deleted = null);
