using System.Globalization;
using System.Runtime.CompilerServices;

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

    // Batch by batch as the values arrive, as UTF-8 without a byte order mark, in chunks of about
    // 64 KB written asynchronously (a response body refuses synchronous writes). The same text as Write.
    public static async Task WriteAsync(Stream stream, IAsyncEnumerable<ExportedValue[]> batches, CancellationToken ct)
    {
        using var csv = new Utf8CsvWriter(stream);
        foreach (var column in DataValueColumns.ExportOrder)
            csv.Text(column);
        csv.EndRow();
        await foreach (var batch in batches.WithCancellation(ct))
        {
            for (var next = 0; next < batch.Length;)
            {
                next = WriteRows(csv, batch, next);
                await csv.FlushIfFullAsync(ct);
            }
        }
        await csv.FlushAsync(ct);
        await stream.FlushAsync(ct);
    }

    // From `from` until the buffer holds a chunk; the index of the next row to write. Millions of
    // rows pass here in one export: compiled fully optimised at once, not tier by tier.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int WriteRows(Utf8CsvWriter csv, ExportedValue[] rows, int from)
    {
        for (var i = from; i < rows.Length; i++)
        {
            var v = rows[i];
            csv.Text(v.DataElement);
            csv.Text(v.Period);
            csv.Text(v.OrgUnit);
            csv.Text(v.CategoryOptionCombo);
            csv.Text("");
            csv.Number(v.Value);
            csv.Text(v.StoredBy);
            csv.Timestamp(v.LastUpdatedUtc);
            csv.Text(v.Comment);
            csv.Text("false");
            csv.Text("");
            csv.EndRow();
            if (csv.IsFull)
                return i + 1;
        }
        return rows.Length;
    }

    private static string?[] Fields(ExportedValue v) =>
    [
        v.DataElement, v.Period, v.OrgUnit, v.CategoryOptionCombo, "",
        v.Value.ToString("R", CultureInfo.InvariantCulture), v.StoredBy, LastUpdated(v), v.Comment, "false", "",
    ];

    public static string LastUpdated(ExportedValue v) => v.LastUpdatedUtc.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture);
}
