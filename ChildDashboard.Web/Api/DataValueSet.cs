namespace ChildDashboard.Web.Api;

// DHIS2's JSON data value set, as GET /api/v1/dataValueSets answers it; the import reads the same shape.
public sealed record DataValueSet(IReadOnlyList<DataValueSetValue> DataValues);
