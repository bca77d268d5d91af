using ChildDashboard.Core.Domain;
using Layout = ChildDashboard.Core.Exchange.EntryTemplateLayout;

namespace ChildDashboard.Core.Exchange.Xlsx;

// Reads a filled entry template back into the rows the CSV path produces: one row per value cell
// that holds something, with the codes of its row. A row left empty is not entered (nothing is
// deleted). The header must be where the template put it, so shifted or inserted columns and rows
// are caught before a value lands on the wrong element.
internal static class EntryTemplateReader
{
    public static XlsxImport<DataValueRow> Read(XlsxSheet sheet)
    {
        var conflicts = new ImportConflicts();
        var letters = Layout.Columns.Where(c => c.Field is not null).ToDictionary(c => c.Field!, c => c.Letter);
        ImportConflict Conflict(int row, int column, string? value, string vi, string en) =>
            new(row, CellReference.Letters(column), value, Language.Pick(vi, en)) { Sheet = sheet.Name };

        var header = sheet.Rows.FirstOrDefault(r => r.Number == Layout.HeaderRow);
        foreach (var column in Layout.Columns)
        {
            var found = header?[column.Number]?.Text.Trim() ?? "";
            if (found != column.Vi && found != column.En)
            {
                var reference = CellReference.Of(column.Number, Layout.HeaderRow);
                conflicts.Add(Conflict(Layout.HeaderRow, column.Number, found,
                    $"Bố cục của biểu mẫu đã bị thay đổi: ô {reference} phải là '{column.Vi}', không phải '{ImportConflict.Quote(found)}' (có dòng hoặc cột bị chèn, xoá hoặc dịch chuyển?). Hãy tải lại biểu mẫu.",
                    $"The template's layout was changed: cell {reference} must read '{column.En}', not '{ImportConflict.Quote(found)}' (were rows or columns inserted, deleted or shifted?). Download the template again."));
            }
        }
        foreach (var merge in sheet.Merges.Where(m => m.LastRow >= Layout.HeaderRow))
        {
            conflicts.Add(Conflict(merge.FirstRow, merge.FirstColumn, null,
                $"Các ô {merge.Reference} được gộp (merge); hãy bỏ gộp để mỗi giá trị nằm trong một ô.",
                $"Cells {merge.Reference} are merged; unmerge them so that each value has its own cell."));
        }
        if (conflicts.Count > 0)
            return new XlsxImport<DataValueRow>([], conflicts, sheet.Name, letters);

        var rows = new List<DataValueRow>();
        var lastColumn = Layout.Columns.Max(c => c.Number);
        foreach (var row in sheet.Rows.Where(r => r.Number >= Layout.FirstDataRow))
        {
            foreach (var stray in row.Cells.Where(c => c.Column > lastColumn))
            {
                var reference = CellReference.Of(stray.Column, row.Number);
                conflicts.Add(Conflict(row.Number, stray.Column, stray.Text,
                    $"Ô {reference} nằm ngoài biểu mẫu; hãy nhập giá trị vào cột {Layout.Value.Letter} ({Layout.Value.Vi}).",
                    $"Cell {reference} is outside the template; enter values in column {Layout.Value.Letter} ({Layout.Value.En})."));
            }
            var value = row[Layout.Value.Number];
            var comment = row[Layout.Comment.Number];
            if (value is null && comment is null)
                continue;
            if (value is null)
            {
                conflicts.Add(Conflict(row.Number, Layout.Comment.Number, comment!.Value.Text,
                    "Có ghi chú nhưng chưa có giá trị.", "There is a comment but no value."));
                continue;
            }

            var fields = new Dictionary<string, string?>();
            var ok = true;
            foreach (var column in Layout.Columns.Where(c => c.Field is not null))
            {
                if (row[column.Number] is not { } cell)
                    continue;
                var text = XlsxCellText.Of(cell, sheet.Name, row.Number, column.Header, codeColumn: column != Layout.Value && column != Layout.Comment, conflicts);
                ok &= text is not null;
                fields[column.Field!] = text;
            }
            if (ok)
            {
                rows.Add(new DataValueRow(row.Number, fields.GetValueOrDefault(DataValueColumns.DataElement), fields.GetValueOrDefault(DataValueColumns.Period),
                    fields.GetValueOrDefault(DataValueColumns.OrgUnit), fields.GetValueOrDefault(DataValueColumns.CategoryOptionCombo),
                    fields.GetValueOrDefault(DataValueColumns.Value), Comment: fields.GetValueOrDefault(DataValueColumns.Comment)));
            }
        }
        return new XlsxImport<DataValueRow>(conflicts.Total > 0 ? [] : rows, conflicts, sheet.Name, letters);
    }
}
