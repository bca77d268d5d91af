namespace ChildDashboard.Core.Exchange;

// Reads targets as CSV with the columns of targets.tsv (exchange.md §4, POST /api/v1/targets).
public static class TargetCsv
{
    public static readonly IReadOnlyList<string> Columns =
        ["indicator", "orgunit", "baseline_year", "baseline_value", "target_year", "target_value", "source"];

    private static readonly string[] Required = ["indicator", "orgunit", "target_year", "target_value"];

    public static (List<TargetRow> Rows, List<ImportConflict> Conflicts) Read(TextReader reader)
    {
        var rows = new List<TargetRow>();
        var conflicts = new List<ImportConflict>();
        using var records = CsvReader.Read(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            conflicts.Add(new ImportConflict(1, "", null, Text.Pick("Tệp trống: cần có dòng tiêu đề.", "The file is empty: a header row is required.")));
            return (rows, conflicts);
        }

        var header = records.Current.Fields.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        foreach (var unknown in header.Where(h => !Columns.Contains(h)))
        {
            conflicts.Add(new ImportConflict(1, unknown, unknown, Text.Pick(
                $"Cột '{unknown}' không thuộc định dạng.", $"Column '{unknown}' is not part of the format.")));
        }
        foreach (var missing in Required.Where(r => !header.Contains(r)))
        {
            conflicts.Add(new ImportConflict(1, missing, null, Text.Pick(
                $"Thiếu cột bắt buộc '{missing}'.", $"The required column '{missing}' is missing.")));
        }
        if (conflicts.Count > 0)
            return (rows, conflicts);

        while (records.MoveNext())
        {
            var record = records.Current;
            if (record.Fields.Length != header.Length)
            {
                conflicts.Add(new ImportConflict(record.Row, "", string.Join(",", record.Fields), Text.Pick(
                    $"Dòng có {record.Fields.Length} cột, tiêu đề có {header.Length}.",
                    $"The row has {record.Fields.Length} fields; the header has {header.Length}.")));
                continue;
            }
            string? Field(string column) => Array.IndexOf(header, column) is var i and >= 0 ? record.Fields[i].Trim() : null;
            rows.Add(new TargetRow(record.Row, Field("indicator"), Field("orgunit"), Field("baseline_year"), Field("baseline_value"),
                Field("target_year"), Field("target_value"), Field("source")));
        }
        return (rows, conflicts);
    }
}
