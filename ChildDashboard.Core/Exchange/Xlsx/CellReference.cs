namespace ChildDashboard.Core.Exchange.Xlsx;

// Column letters as Excel shows them (1 → A, 27 → AA) and cell references (F12).
public static class CellReference
{
    public const int MaxColumn = 16_384;
    public const int MaxRow = 1_048_576;

    public static string Letters(int column)
    {
        var letters = "";
        for (; column > 0; column = (column - 1) / 26)
            letters = (char)('A' + (column - 1) % 26) + letters;
        return letters;
    }

    public static string Of(int column, int row) => Letters(column) + row;

    // "F12" → (6, 12); false for anything else, including columns and rows beyond Excel's sheet.
    public static bool TryParse(ReadOnlySpan<char> reference, out int column, out int row)
    {
        column = 0;
        row = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > MaxColumn)
                return false;
        }
        if (i == 0 || i == reference.Length)
            return false;
        for (; i < reference.Length; i++)
        {
            if (!char.IsAsciiDigit(reference[i]))
                return false;
            row = row * 10 + (reference[i] - '0');
            if (row > MaxRow)
                return false;
        }
        return row > 0;
    }
}
