using System.Globalization;

namespace ChildDashboard.Core.Exchange;

// Reads and writes data value sets as DHIS2-style CSV (exchange.md §1).
public static class DataValueCsv
{
    public static (List<DataValueRow> Rows, List<ImportConflict> Conflicts) Read(TextReader reader)
    {
        var rows = new List<DataValueRow>();
        var conflicts = new List<ImportConflict>();
        using var records = CsvReader.Read(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            conflicts.Add(new ImportConflict(1, "", null, Text.Pick("Tệp trống: cần có dòng tiêu đề.", "The file is empty: a header row is required.")));
            return (rows, conflicts);
        }

        var header = records.Current.Fields;
        var columns = new string?[header.Length];
        for (var i = 0; i < header.Length; i++)
        {
            columns[i] = DataValueColumns.Canonical(header[i]);
            if (columns[i] is null)
            {
                conflicts.Add(new ImportConflict(1, header[i], header[i], Text.Pick(
                    $"Cột '{header[i]}' không thuộc định dạng (một lỗi gõ có thể làm mất dữ liệu).",
                    $"Column '{header[i]}' is not part of the format (a typo could lose data).")));
            }
        }
        foreach (var required in DataValueColumns.Required.Where(r => !columns.Contains(r)))
        {
            conflicts.Add(new ImportConflict(1, required, null, Text.Pick(
                $"Thiếu cột bắt buộc '{required}'.", $"The required column '{required}' is missing.")));
        }
        if (conflicts.Count > 0)
            return (rows, conflicts);

        int Index(string column) => Array.IndexOf(columns, column);
        var (element, period, unit, option, value, storedBy, comment, deleted) = (
            Index(DataValueColumns.DataElement), Index(DataValueColumns.Period), Index(DataValueColumns.OrgUnit),
            Index(DataValueColumns.CategoryOptionCombo), Index(DataValueColumns.Value), Index(DataValueColumns.StoredBy),
            Index(DataValueColumns.Comment), Index(DataValueColumns.Deleted));

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
            string? Field(int i) => i < 0 ? null : record.Fields[i];
            rows.Add(new DataValueRow(record.Row, Field(element), Field(period), Field(unit), Field(option), Field(value),
                Field(storedBy), Field(comment), Field(deleted)));
        }
        return (rows, conflicts);
    }

    public static void Write(TextWriter writer, IEnumerable<ExportedValue> values)
    {
        var csv = new CsvWriter(writer);
        csv.WriteRow(DataValueColumns.ExportOrder);
        foreach (var v in values)
        {
            csv.WriteRow([
                v.DataElement, v.Period, v.OrgUnit, v.CategoryOptionCombo, "",
                v.Value.ToString("R", CultureInfo.InvariantCulture), v.StoredBy,
                v.LastUpdatedUtc.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture), v.Comment, "false", "",
            ]);
        }
    }
}
