namespace ChildDashboard.Core.Exchange.Xlsx;

public enum XlsxCellKind
{
    Number,
    Text,
    Boolean,
    Error,
    // A cell of type d (an ISO date as text), or a number shown in a date or time format.
    Date,
}

// One cell as stored: its column (1 = A), what kind of value it holds, the value as written in the
// file (numbers in invariant notation, booleans 1/0), and whether a formula computed it.
public readonly record struct XlsxCell(int Column, XlsxCellKind Kind, string Text, bool Formula)
{
    public bool IsBlank => Text.Length == 0 && !Formula;
}

public sealed record XlsxRow(int Number, IReadOnlyList<XlsxCell> Cells)
{
    public XlsxCell? this[int column]
    {
        get
        {
            foreach (var cell in Cells)
            {
                if (cell.Column == column)
                    return cell;
            }
            return null;
        }
    }
}

// A merged range, by its corners.
public sealed record XlsxMerge(int FirstColumn, int FirstRow, int LastColumn, int LastRow)
{
    public string Reference => $"{CellReference.Of(FirstColumn, FirstRow)}:{CellReference.Of(LastColumn, LastRow)}";
}

public sealed record XlsxSheet(string Name, IReadOnlyList<XlsxRow> Rows, IReadOnlyList<XlsxMerge> Merges);
