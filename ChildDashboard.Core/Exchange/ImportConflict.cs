namespace ChildDashboard.Core.Exchange;

// A rejected row: its number as the user sees it, the column, the offending value and why.
public sealed record ImportConflict(int Row, string Column, string? Value, string Message)
{
    private const int EchoLength = 200;

    // Echoed values are cut short: an unclosed quote can carry the rest of a file into one field.
    public static string Shorten(string value)
    {
        if (value.Length <= EchoLength)
            return value;
        var length = char.IsHighSurrogate(value[EchoLength - 1]) ? EchoLength - 1 : EchoLength;
        return string.Concat(value.AsSpan(0, length), "…");
    }
}
