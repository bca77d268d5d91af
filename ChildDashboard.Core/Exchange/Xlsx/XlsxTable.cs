using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Exchange.Xlsx;

// A sheet in long form read like a CSV file: the header in row 1 from column A names the columns
// (the same names and rules as the CSV: exchange.md §1), every later row with a value is a record.
// Empty rows are skipped (Excel users leave gaps); merged cells, a value in a column without a
// header (shifted cells), formulas, errors and dates are conflicts at their cell.
internal static class XlsxTable
{
    public static XlsxImport<T> Read<T>(
        XlsxSheet sheet, Func<string, string?> canonical, IReadOnlyList<string> required, IReadOnlySet<string> codeColumns,
        Func<int, Func<string, string?>, T> makeRow)
    {
        var conflicts = new ImportConflicts();
        var letters = new Dictionary<string, string>();
        ImportConflict Conflict(int row, int column, string? value, string vi, string en) =>
            new(row, column == 0 ? "" : CellReference.Letters(column), value, Language.Pick(vi, en)) { Sheet = sheet.Name };

        var name = sheet.Name;
        if (sheet.Rows.Count == 0)
        {
            conflicts.Add(Conflict(1, 0, null, $"Trang tính '{name}' trống: cần dòng tiêu đề ở dòng 1.", $"The sheet '{name}' is empty: a header is needed in row 1."));
            return new XlsxImport<T>([], conflicts, name, letters);
        }
        var header = sheet.Rows[0];
        if (header.Number != 1 || header.Cells[0].Column != 1)
        {
            conflicts.Add(Conflict(header.Number, header.Cells[0].Column, header.Cells[0].Text,
                $"Dòng tiêu đề phải bắt đầu ở ô A1, nhưng bảng bắt đầu ở ô {CellReference.Of(header.Cells[0].Column, header.Number)}: các ô đã bị dịch chuyển.",
                $"The header must start in cell A1, but the table starts in {CellReference.Of(header.Cells[0].Column, header.Number)}: the cells have been shifted."));
            return new XlsxImport<T>([], conflicts, name, letters);
        }

        var columns = new Dictionary<int, string>();
        var expected = 1;
        foreach (var cell in header.Cells)
        {
            var letter = CellReference.Letters(cell.Column);
            if (cell.Column != expected)
                conflicts.Add(Conflict(1, expected, null, $"Ô {CellReference.Letters(expected)}1 của dòng tiêu đề trống.", $"Cell {CellReference.Letters(expected)}1 of the header is empty."));
            expected = cell.Column + 1;
            if (cell.Kind != XlsxCellKind.Text || cell.Formula)
            {
                conflicts.Add(Conflict(1, cell.Column, cell.Text, $"Tiêu đề ở ô {letter}1 phải là chữ (tên cột).", $"The header in cell {letter}1 must be text (a column name)."));
                continue;
            }
            if (canonical(cell.Text) is not { } column)
            {
                conflicts.Add(Conflict(1, cell.Column, cell.Text,
                    $"Cột '{ImportConflict.Quote(cell.Text)}' (ô {letter}1) không thuộc định dạng (một lỗi gõ có thể làm mất dữ liệu).",
                    $"Column '{ImportConflict.Quote(cell.Text)}' (cell {letter}1) is not part of the format (a typo could lose data)."));
                continue;
            }
            if (!letters.TryAdd(column, letter))
            {
                conflicts.Add(Conflict(1, cell.Column, cell.Text, $"Cột '{ImportConflict.Quote(cell.Text)}' xuất hiện hai lần.", $"Column '{ImportConflict.Quote(cell.Text)}' appears twice."));
                continue;
            }
            columns[cell.Column] = column;
        }
        foreach (var missing in required.Where(r => !letters.ContainsKey(r)))
            conflicts.Add(Conflict(1, 0, null, $"Thiếu cột bắt buộc '{missing}' trong trang tính '{name}'.", $"The required column '{missing}' is missing from the sheet '{name}'."));
        foreach (var merge in sheet.Merges)
        {
            conflicts.Add(Conflict(merge.FirstRow, merge.FirstColumn, null,
                $"Các ô {merge.Reference} được gộp (merge); hãy bỏ gộp để mỗi giá trị nằm trong một ô.",
                $"Cells {merge.Reference} are merged; unmerge them so that each value has its own cell."));
        }
        if (conflicts.Count > 0)
            return new XlsxImport<T>([], conflicts, name, letters);

        var rows = new List<T>();
        foreach (var row in sheet.Rows.Skip(1))
        {
            var fields = new Dictionary<string, string?>();
            var ok = true;
            foreach (var cell in row.Cells)
            {
                if (!columns.TryGetValue(cell.Column, out var column))
                {
                    var reference = CellReference.Of(cell.Column, row.Number);
                    conflicts.Add(Conflict(row.Number, cell.Column, cell.Text,
                        $"Ô {reference} có giá trị nhưng cột {CellReference.Letters(cell.Column)} không có tiêu đề: các ô có thể đã bị dịch chuyển.",
                        $"Cell {reference} holds a value but column {CellReference.Letters(cell.Column)} has no header: the cells may have been shifted."));
                    ok = false;
                    continue;
                }
                var text = XlsxCellText.Of(cell, name, row.Number, column, codeColumns.Contains(column), conflicts);
                if (text is null)
                    ok = false;
                fields[column] = text;
            }
            if (ok)
                rows.Add(makeRow(row.Number, column => fields.GetValueOrDefault(column)));
        }
        return new XlsxImport<T>(conflicts.Total > 0 ? [] : rows, conflicts, name, letters);
    }
}
