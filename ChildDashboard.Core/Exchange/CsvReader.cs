using System.Text;

namespace ChildDashboard.Core.Exchange;

// RFC 4180 CSV: comma-separated, double-quoted fields that may hold commas, quotes ("") and
// line breaks, CRLF or LF endings, an optional UTF-8 BOM. Records are numbered as a spreadsheet
// numbers rows (the header is row 1).
public static class CsvReader
{
    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var row = 1;
        var inQuotes = false;
        var fieldStarted = false;
        var first = true;
        int c;
        while ((c = reader.Read()) != -1)
        {
            if (first)
            {
                first = false;
                if (c == '\uFEFF')
                    continue;
            }
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    field.Append((char)c);
                }
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (fieldStarted || field.Length > 0 || fields.Count > 0)
                    {
                        fields.Add(field.ToString());
                        yield return new CsvRecord(row, fields.ToArray());
                    }
                    row++;
                    fields.Clear();
                    field.Clear();
                    fieldStarted = false;
                    break;
                default:
                    field.Append((char)c);
                    break;
            }
        }
        if (inQuotes)
            throw new FormatException($"Row {row}: a quoted field is not closed.");
        if (fieldStarted || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(row, fields.ToArray());
        }
    }
}
