namespace ChildDashboard.Core.Exchange;

// Reads targets as CSV with the columns of targets.tsv (exchange.md §4, POST /api/v1/targets).
public static class TargetCsv
{
    public static readonly IReadOnlyList<string> Columns =
        ["indicator", "orgunit", "baseline_year", "baseline_value", "target_year", "target_value", "source"];

    public static readonly IReadOnlyList<string> RequiredColumns = ["indicator", "orgunit", "target_year", "target_value"];

    public static (List<TargetRow> Rows, ImportConflicts Conflicts) Read(TextReader reader) =>
        CsvTable.Read(reader, header => Columns.FirstOrDefault(c => c.Equals(header.Trim(), StringComparison.OrdinalIgnoreCase)), RequiredColumns, "",
            (row, field) =>
            {
                string? Field(string column) => field(column)?.Trim();
                return new TargetRow(row, Field("indicator"), Field("orgunit"), Field("baseline_year"), Field("baseline_value"),
                    Field("target_year"), Field("target_value"), Field("source"));
            });
}
