using System.Globalization;
using SpreadCheetah;
using SpreadCheetah.Worksheets;

namespace ChildDashboard.Core.Exchange;

// Targets as an .xlsx with a `Targets` sheet that imports back as it is: years and values are
// number cells, codes and sources text (a source such as =HYPERLINK(...) stays text).
public static class TargetXlsxWriter
{
    private static readonly double[] Widths = [12, 16, 14, 14, 12, 14, 50];

    public static async Task WriteAsync(Stream stream, IEnumerable<TargetRow> rows, CancellationToken ct)
    {
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(stream, cancellationToken: ct);
        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var i = 0; i < Widths.Length; i++)
            options.Column(i + 1).Width = Widths[i];
        await spreadsheet.StartWorksheetAsync(TargetXlsx.SheetName, options, ct);
        var bold = spreadsheet.AddStyle(new SpreadCheetah.Styling.Style { Font = { Bold = true } });
        await spreadsheet.AddRowAsync(TargetCsv.Columns.Select(c => new Cell(c, bold)).ToArray(), ct);
        foreach (var r in rows)
            await spreadsheet.AddRowAsync(
            [
                new DataCell(r.Indicator), new DataCell(r.OrgUnit), Number(r.BaselineYear), Number(r.BaselineValue),
                Number(r.TargetYear), Number(r.TargetValue), new DataCell(r.Source),
            ], ct);
        await spreadsheet.FinishAsync(ct);
    }

    private static DataCell Number(string? text) =>
        text is null ? new DataCell("") : new DataCell(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
}
