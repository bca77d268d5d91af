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
            csv.WriteRow(Fields(v));
    }

    // Row by row as the values arrive; the writer's buffer goes out as it fills.
    public static async Task WriteAsync(TextWriter writer, IAsyncEnumerable<ExportedValue> values, CancellationToken ct)
    {
        var csv = new CsvWriter(writer);
        csv.WriteRow(DataValueColumns.ExportOrder);
        await foreach (var v in values.WithCancellation(ct))
            csv.WriteRow(Fields(v));
        await writer.FlushAsync(ct);
    }

    private static string?[] Fields(ExportedValue v) =>
    [
        v.DataElement, v.Period, v.OrgUnit, v.CategoryOptionCombo, "",
        v.Value.ToString("R", CultureInfo.InvariantCulture), v.StoredBy, LastUpdated(v), v.Comment, "false", "",
    ];

    public static string LastUpdated(ExportedValue v) => v.LastUpdatedUtc.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture);
}
