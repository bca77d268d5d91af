using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Exchange;

// A CSV file with a header row, read by column name. An unknown, unnamed, repeated or missing
// column, a row of the wrong width and a blank line are conflicts: a typo in a header must not
// silently drop data (exchange.md §1). A malformed file is one conflict, where it breaks, and no rows.
internal static class CsvTable
{
    public static (List<T> Rows, ImportConflicts Conflicts) Read<T>(
        TextReader reader, Func<string, string?> canonical, IReadOnlyList<string> required, string unknownHint,
        Func<int, Func<string, string?>, T> makeRow)
    {
        var rows = new List<T>();
        var conflicts = new ImportConflicts();
        try
        {
            Read(reader, canonical, required, unknownHint, makeRow, rows, conflicts);
        }
        catch (MalformedCsvException e)
        {
            // The rows before it are well formed, but a half-read file must not be imported.
            rows.Clear();
            conflicts.Add(new ImportConflict(e.Row, e.ColumnName ?? "", e.RawValue, e.Message));
        }
        return (rows, conflicts);
    }

    private static void Read<T>(
        TextReader reader, Func<string, string?> canonical, IReadOnlyList<string> required, string unknownHint,
        Func<int, Func<string, string?>, T> makeRow, List<T> rows, ImportConflicts conflicts)
    {
        using var records = CsvReader.Read(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            conflicts.Add(new ImportConflict(1, "", null, Language.Pick("Tệp trống: cần có dòng tiêu đề.", "The file is empty: a header row is required.")));
            return;
        }

        var header = records.Current.Fields;
        if (header.Length == 0)
        {
            conflicts.Add(BlankLine(1));
            return;
        }
        var index = new Dictionary<string, int>();
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i].Trim().Length == 0)
                conflicts.Add(new ImportConflict(1, "", header[i], Language.Pick(
                    $"Cột {i + 1} của dòng tiêu đề không có tên.", $"Column {i + 1} of the header has no name.")));
            else if (canonical(header[i]) is { } name)
            {
                if (!index.TryAdd(name, i))
                    conflicts.Add(new ImportConflict(1, header[i], header[i], Language.Pick(
                        $"Cột '{ImportConflict.Quote(header[i])}' xuất hiện hai lần.", $"Column '{ImportConflict.Quote(header[i])}' appears twice.")));
            }
            else
                conflicts.Add(new ImportConflict(1, header[i], header[i], Language.Pick(
                    $"Cột '{ImportConflict.Quote(header[i])}' không thuộc định dạng{unknownHint}.",
                    $"Column '{ImportConflict.Quote(header[i])}' is not part of the format{unknownHint}.")));
        }
        foreach (var missing in required.Where(r => !index.ContainsKey(r)))
        {
            conflicts.Add(new ImportConflict(1, missing, null, Language.Pick(
                $"Thiếu cột bắt buộc '{missing}'.", $"The required column '{missing}' is missing.")));
        }
        if (conflicts.Count > 0)
            return;

        while (records.MoveNext())
        {
            var record = records.Current;
            if (record.Fields.Length == 0)
                conflicts.Add(BlankLine(record.Row));
            else if (record.Fields.Length != header.Length)
                conflicts.Add(WrongWidth(record, header));
            else
                rows.Add(makeRow(record.Row, column => index.TryGetValue(column, out var i) ? record.Fields[i] : null));
        }
    }

    private static ImportConflict BlankLine(int row) => new(row, "", null, Language.Pick(
        $"Dòng {row} trống; dòng trống chỉ được phép ở cuối tệp.", $"Row {row} is blank; blank lines are only allowed at the end of the file."));

    // Named by the first column it lacks, or by the first field the header has no column for.
    private static ImportConflict WrongWidth(CsvRecord record, string[] header)
    {
        var count = record.Fields.Length;
        var value = ImportConflict.Shorten(string.Join(",", record.Fields));
        if (count < header.Length)
        {
            var missing = ImportConflict.Quote(header[count].Trim());
            return new ImportConflict(record.Row, missing, value, Language.Pick(
                $"Dòng có {count} cột, tiêu đề có {header.Length}: thiếu cột {count + 1} ({missing}).",
                $"The row has {count} fields; the header has {header.Length}: column {count + 1} ({missing}) is missing."));
        }
        return new ImportConflict(record.Row, "", value, Language.Pick(
            $"Dòng có {count} cột, tiêu đề có {header.Length}: cột {header.Length + 1} không có tên trong tiêu đề.",
            $"The row has {count} fields; the header has {header.Length}: column {header.Length + 1} has no name in the header."));
    }
}
