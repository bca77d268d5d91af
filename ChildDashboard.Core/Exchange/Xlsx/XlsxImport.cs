namespace ChildDashboard.Core.Exchange.Xlsx;

// The rows read from a sheet, the conflicts found while reading, and how to point a later conflict
// (which names a column, like the CSV path's) at the sheet and the column letter Excel shows.
public sealed record XlsxImport<T>(List<T> Rows, ImportConflicts Conflicts, string? Sheet, IReadOnlyDictionary<string, string> Letters)
{
    public ImportConflict Locate(ImportConflict conflict) =>
        Sheet is null || conflict.Sheet is not null
            ? conflict
            : conflict with { Sheet = Sheet, Column = Letters.GetValueOrDefault(conflict.Column, conflict.Column) };

    public ImportReport Locate(ImportReport report) => report with { Conflicts = [.. report.Conflicts.Select(Locate)] };

    public static XlsxImport<T> Refused(ImportConflict conflict)
    {
        var conflicts = new ImportConflicts();
        conflicts.Add(conflict);
        return new XlsxImport<T>([], conflicts, null, new Dictionary<string, string>());
    }
}
