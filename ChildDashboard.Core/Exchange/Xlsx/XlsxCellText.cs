using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Exchange.Xlsx;

// A cell's value as the text an import row carries (numbers in invariant notation, booleans as
// true/false), or a conflict when the cell cannot stand for what its column holds: a formula, an
// error, a date, a code that Excel turned into a number.
internal static class XlsxCellText
{
    public static string? Of(XlsxCell cell, string sheet, int row, string columnName, bool codeColumn, ImportConflicts conflicts)
    {
        // The usual cell holds a plain value: the reference is spelled out only for a conflict.
        if (!cell.Formula && cell.Kind is XlsxCellKind.Text or XlsxCellKind.Number && !(codeColumn && cell.Kind == XlsxCellKind.Number && IsSmallWhole(cell.Text)))
            return cell.Text;
        var reference = CellReference.Of(cell.Column, row);
        var letter = CellReference.Letters(cell.Column);
        void Refuse(string vi, string en) =>
            conflicts.Add(new ImportConflict(row, letter, cell.Text, Language.Pick(vi, en)) { Sheet = sheet });

        if (cell.Formula)
        {
            Refuse($"Ô {reference} chứa công thức; chỉ nhận giá trị. Hãy sao chép và dán giá trị (Paste Values).",
                $"Cell {reference} holds a formula; only values are accepted. Copy it and paste the value (Paste Values).");
            return null;
        }
        switch (cell.Kind)
        {
            case XlsxCellKind.Error:
                Refuse($"Ô {reference} chứa lỗi {cell.Text}.", $"Cell {reference} holds the error {cell.Text}.");
                return null;
            case XlsxCellKind.Date:
                Refuse($"Ô {reference} ({columnName}) là ngày tháng; Excel có thể đã tự đổi giá trị thành ngày. Hãy định dạng ô là số hoặc văn bản.",
                    $"Cell {reference} ({columnName}) is a date; Excel may have turned the value into one. Format the cell as a number or as text.");
                return null;
            case XlsxCellKind.Boolean:
                return cell.Text == "1" ? "true" : "false";
            case XlsxCellKind.Number when codeColumn && IsSmallWhole(cell.Text):
                Refuse($"Mã trong ô {reference} ({columnName}) được lưu dạng số ({cell.Text}), nên số 0 đứng đầu có thể đã mất (01 → 1). Hãy định dạng cột là Văn bản (Text) và nhập lại mã.",
                    $"The code in cell {reference} ({columnName}) is stored as a number ({cell.Text}), so a leading zero may be lost (01 → 1). Format the column as Text and type the code again.");
                return null;
            default:
                return cell.Text;
        }
    }

    private static bool IsSmallWhole(string text) => text.Length == 1 && char.IsAsciiDigit(text[0]);
}
