using System.Text.Json.Serialization;

namespace ChildDashboard.Core.Exchange;

// A rejected row: its number as the user sees it, the column, the offending value and why.
// Every text is cut short on the way in: a 19 MB header cell or an unclosed quote carrying the rest
// of a file must not come back in an answer (once as the column, once as the value, once quoted in
// the message).
public sealed record ImportConflict(int Row, string Column, string? Value, string Message)
{
    public const int EchoLength = 200;
    private const int ColumnLength = 100;
    private const int MessageLength = 1000;

    public string Column { get; init; } = Shorten(Column, ColumnLength);

    // The sheet of an .xlsx file (its Column is then the column's letter); null for CSV and JSON.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Sheet { get; init; }

    public string? Value { get; init; } = Value is null ? null : Shorten(Value);

    public string Message { get; init; } = Shorten(Message, MessageLength);

    public static string Shorten(string value) => Shorten(value, EchoLength);

    // A text for a message: short enough to quote inside a sentence.
    public static string Quote(string? value) => Shorten(value ?? "", 60);

    public static string Shorten(string value, int length)
    {
        if (value.Length <= length)
            return value;
        var cut = char.IsHighSurrogate(value[length - 1]) ? length - 1 : length;
        return string.Concat(value.AsSpan(0, cut), "…");
    }
}
