namespace ChildDashboard.Core.Exchange;

// Reads and writes targets as CSV with the columns of targets.tsv (exchange.md §4, POST /api/v1/targets).
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

    public static void Write(TextWriter writer, IEnumerable<TargetRow> rows)
    {
        var csv = new CsvWriter(writer);
        csv.WriteRow(Columns);
        foreach (var r in rows)
            csv.WriteRow([r.Indicator, r.OrgUnit, r.BaselineYear, r.BaselineValue, r.TargetYear, r.TargetValue, r.Source]);
    }
}
