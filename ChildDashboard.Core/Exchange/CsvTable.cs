using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Exchange;

// A CSV file with a header row, read by column name. An unknown or missing column, and a row of
// the wrong width, are conflicts: a typo in a header must not silently drop data (exchange.md §1).
internal static class CsvTable
{
    public static (List<T> Rows, List<ImportConflict> Conflicts) Read<T>(
        TextReader reader, Func<string, string?> canonical, IReadOnlyList<string> required, string unknownHint,
        Func<int, Func<string, string?>, T> makeRow)
    {
        var rows = new List<T>();
        var conflicts = new List<ImportConflict>();
        using var records = CsvReader.Read(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            conflicts.Add(new ImportConflict(1, "", null, Language.Pick("Tệp trống: cần có dòng tiêu đề.", "The file is empty: a header row is required.")));
            return (rows, conflicts);
        }

        var header = records.Current.Fields;
        var index = new Dictionary<string, int>();
        for (var i = 0; i < header.Length; i++)
        {
            if (canonical(header[i]) is { } name)
            {
                if (!index.TryAdd(name, i))
                    conflicts.Add(new ImportConflict(1, header[i], header[i], Language.Pick(
                        $"Cột '{header[i]}' xuất hiện hai lần.", $"Column '{header[i]}' appears twice.")));
            }
            else
                conflicts.Add(new ImportConflict(1, header[i], header[i], Language.Pick(
                    $"Cột '{header[i]}' không thuộc định dạng{unknownHint}.", $"Column '{header[i]}' is not part of the format{unknownHint}.")));
        }
        foreach (var missing in required.Where(r => !index.ContainsKey(r)))
        {
            conflicts.Add(new ImportConflict(1, missing, null, Language.Pick(
                $"Thiếu cột bắt buộc '{missing}'.", $"The required column '{missing}' is missing.")));
        }
        if (conflicts.Count > 0)
            return (rows, conflicts);

        while (records.MoveNext())
        {
            var record = records.Current;
            if (record.Fields.Length != header.Length)
            {
                conflicts.Add(new ImportConflict(record.Row, "", string.Join(",", record.Fields), Language.Pick(
                    $"Dòng có {record.Fields.Length} cột, tiêu đề có {header.Length}.",
                    $"The row has {record.Fields.Length} fields; the header has {header.Length}.")));
                continue;
            }
            rows.Add(makeRow(record.Row, column => index.TryGetValue(column, out var i) ? record.Fields[i] : null));
        }
        return (rows, conflicts);
    }
}
