using ChildDashboard.Core.Exchange.Xlsx;

namespace ChildDashboard.Core.Exchange;

// Reads targets from the `Targets` sheet of an .xlsx, with the columns of the targets CSV.
public static class TargetXlsx
{
    public const string SheetName = "Targets";

    private static readonly HashSet<string> CodeColumns = ["orgunit", "indicator"];

    public static XlsxImport<TargetRow> Read(Stream stream, XlsxLimits limits)
    {
        using var workbook = XlsxWorkbook.Open(stream, limits);
        if (!workbook.SheetNames.Contains(SheetName))
            return XlsxImport<TargetRow>.Refused(DataValueXlsx.MissingSheet(workbook.SheetNames, SheetName, $"'{SheetName}'", $"'{SheetName}'"));
        return XlsxTable.Read(workbook.ReadSheet(SheetName),
            header => TargetCsv.Columns.FirstOrDefault(c => c.Equals(header.Trim(), StringComparison.OrdinalIgnoreCase)),
            TargetCsv.RequiredColumns, CodeColumns, (row, field) =>
            {
                string? Field(string column) => field(column)?.Trim();
                return new TargetRow(row, Field("indicator"), Field("orgunit"), Field("baseline_year"), Field("baseline_value"),
                    Field("target_year"), Field("target_value"), Field("source"));
            });
    }
}
