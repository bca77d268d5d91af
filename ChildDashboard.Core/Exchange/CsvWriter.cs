using System.Text;

namespace ChildDashboard.Core.Exchange;

// Writes RFC 4180 CSV: a field is quoted when it holds a comma, a quote or a line break.
public sealed class CsvWriter(TextWriter writer)
{
    public void WriteRow(IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
                writer.Write(',');
            first = false;
            writer.Write(Escape(field ?? ""));
        }
        writer.Write("\r\n");
    }

    public static string Escape(string field)
    {
        if (field.IndexOfAny([',', '"', '\r', '\n']) < 0)
            return field;
        var quoted = new StringBuilder(field.Length + 2).Append('"');
        foreach (var c in field)
            quoted.Append(c == '"' ? "\"\"" : c.ToString());
        return quoted.Append('"').ToString();
    }
}
