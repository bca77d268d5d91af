using SpreadCheetah;
using SpreadCheetah.Worksheets;

namespace ChildDashboard.Core.Exchange;

// The raw export as .xlsx, streamed (SpreadCheetah writes rows as they come, in flat memory): a
// `DataValues` sheet with DHIS2's eleven columns that imports back as it is. Values are number
// cells; every other field is a text cell, so a comment such as =HYPERLINK(...) stays text and is
// never a formula. lastupdated is text too: the import refuses date cells.
public static class DataValueXlsxWriter
{
    private static readonly double[] Widths = [26, 10, 10, 20, 20, 14, 16, 24, 40, 10, 10];

    public static async Task WriteAsync(Stream stream, IAsyncEnumerable<ExportedValue[]> batches, CancellationToken ct)
    {
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(stream, cancellationToken: ct);
        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var i = 0; i < Widths.Length; i++)
            options.Column(i + 1).Width = Widths[i];
        await spreadsheet.StartWorksheetAsync(DataValueXlsx.SheetName, options, ct);
        var bold = spreadsheet.AddStyle(new SpreadCheetah.Styling.Style { Font = { Bold = true } });
        await spreadsheet.AddRowAsync(DataValueColumns.ExportOrder.Select(c => new Cell(c, bold)).ToArray(), ct);
        var row = new DataCell[11];
        // Values stored together share their time: format it once for each run of them.
        var stampTicks = -1L;
        var stamp = new DataCell("");
        await foreach (var batch in batches.WithCancellation(ct))
        {
            foreach (var v in batch)
            {
                row[0] = new DataCell(v.DataElement);
                row[1] = new DataCell(v.Period);
                row[2] = new DataCell(v.OrgUnit);
                row[3] = new DataCell(v.CategoryOptionCombo);
                row[4] = new DataCell("");
                row[5] = new DataCell(v.Value);
                row[6] = new DataCell(v.StoredBy);
                if (v.LastUpdatedUtc.Ticks != stampTicks)
                {
                    stampTicks = v.LastUpdatedUtc.Ticks;
                    stamp = new DataCell(DataValueCsv.LastUpdated(v));
                }
                row[7] = stamp;
                row[8] = new DataCell(v.Comment);
                row[9] = new DataCell("false");
                row[10] = new DataCell("");
                await spreadsheet.AddRowAsync(row, ct);
            }
        }
        await spreadsheet.FinishAsync(ct);
    }
}
