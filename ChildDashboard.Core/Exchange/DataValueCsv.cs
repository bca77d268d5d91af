using System.Globalization;

using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Exchange;

// Reads and writes data value sets as DHIS2-style CSV (exchange.md §1).
public static class DataValueCsv
{
    private static string TypoHint => Language.Pick(" (một lỗi gõ có thể làm mất dữ liệu)", " (a typo could lose data)");

    public static (List<DataValueRow> Rows, ImportConflicts Conflicts) Read(TextReader reader) =>
        CsvTable.Read(reader, DataValueColumns.Canonical, DataValueColumns.Required, TypoHint, (row, field) => new DataValueRow(row,
            field(DataValueColumns.DataElement), field(DataValueColumns.Period), field(DataValueColumns.OrgUnit),
            field(DataValueColumns.CategoryOptionCombo), field(DataValueColumns.Value), field(DataValueColumns.StoredBy),
            field(DataValueColumns.Comment), field(DataValueColumns.Deleted)));

    public static void Write(TextWriter writer, IEnumerable<ExportedValue> values)
    {
        var csv = new CsvWriter(writer);
        csv.WriteRow(DataValueColumns.ExportOrder);
        foreach (var v in values)
        {
            csv.WriteRow([
                v.DataElement, v.Period, v.OrgUnit, v.CategoryOptionCombo, "",
                v.Value.ToString("R", CultureInfo.InvariantCulture), v.StoredBy,
                v.LastUpdatedUtc.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture), v.Comment, "false", "",
            ]);
        }
    }
}
