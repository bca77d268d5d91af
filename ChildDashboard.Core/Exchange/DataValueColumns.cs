namespace ChildDashboard.Core.Exchange;

// DHIS2's dataValueSets CSV columns, in export order, with the older header spellings.
public static class DataValueColumns
{
    public const string DataElement = "dataelement";
    public const string Period = "period";
    public const string OrgUnit = "orgunit";
    public const string CategoryOptionCombo = "categoryoptioncombo";
    public const string AttributeOptionCombo = "attributeoptioncombo";
    public const string Value = "value";
    public const string StoredBy = "storedby";
    public const string LastUpdated = "lastupdated";
    public const string Comment = "comment";
    public const string FollowUp = "followup";
    public const string Deleted = "deleted";

    public static readonly IReadOnlyList<string> ExportOrder =
        [DataElement, Period, OrgUnit, CategoryOptionCombo, AttributeOptionCombo, Value, StoredBy, LastUpdated, Comment, FollowUp, Deleted];

    public static readonly IReadOnlyList<string> Required = [DataElement, Period, OrgUnit, Value];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["catoptcombo"] = CategoryOptionCombo,
        ["attroptcombo"] = AttributeOptionCombo,
        ["strby"] = StoredBy,
        ["lstupd"] = LastUpdated,
        ["cmt"] = Comment,
        ["flwup"] = FollowUp,
    };

    // The canonical name of a header, or null when it is not a column of the format.
    public static string? Canonical(string header)
    {
        var name = header.Trim();
        if (Aliases.TryGetValue(name, out var canonical))
            return canonical;
        return ExportOrder.FirstOrDefault(c => c.Equals(name, StringComparison.OrdinalIgnoreCase));
    }
}
