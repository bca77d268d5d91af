using System.Globalization;
using ChildDashboard.Core.Exchange;

namespace ChildDashboard.Web.Api;

// The value is text at full precision ("R"), as DHIS2 writes it; lastUpdated is UTC without an offset.
public sealed record DataValueSetValue(
    string DataElement, string Period, string OrgUnit, string CategoryOptionCombo, string Value,
    string? StoredBy, string LastUpdated, string? Comment)
{
    public static DataValueSetValue From(ExportedValue v) => new(
        v.DataElement, v.Period, v.OrgUnit, v.CategoryOptionCombo, v.Value.ToString("R", CultureInfo.InvariantCulture),
        v.StoredBy, v.LastUpdatedUtc.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture), v.Comment);
}
