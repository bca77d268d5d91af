using ChildDashboard.Core.Domain;
using ClosedXML.Excel;
using Layout = ChildDashboard.Core.Exchange.EntryTemplateLayout;

namespace ChildDashboard.Core.Exchange;

// The entry template (exchange.md §2) as a formatted workbook: one row per expected cell of the
// province's quarter form, codes locked (option, period and unit hidden), names in the user's
// language, the previous period's value for reference, the value cell the only one (with the
// comment) left unlocked, checked by data validation (whole non-negative numbers for counts,
// non-negative amounts for money), printable on landscape pages, sheet and structure protected.
public static class EntryTemplateWriter
{
    // One expected (element, option) of the form and the period its value belongs to.
    public sealed record Cell(DataElement Element, string Option, Period Period);

    public sealed record Line(Cell Cell, string OptionName, double? Previous, double? Current, string? Comment);

    public static void Write(Stream output, OrgUnit province, Period quarter, DateOnly deadline, IReadOnlyList<Line> lines, long maxCount, long maxMoney)
    {
        var vi = Language.IsVietnamese;
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(Layout.SheetName);
        var last = Layout.Columns.Max(c => c.Number);

        sheet.Cell(1, 1).Value = Language.Pick($"Biểu nhập số liệu {quarter.Code} — {province.NameVi} ({province.Code})",
            $"Data entry template {quarter.Code} — {province.NameEn} ({province.Code})");
        sheet.Range(1, 1, 1, last).Merge().Style.Font.SetBold().Font.SetFontSize(14);
        sheet.Cell(2, 1).Value = Language.Pick(
            $"Hạn nộp: {deadline:dd/MM/yyyy}. Chỉ điền cột \"{Layout.Value.Vi}\" (và \"{Layout.Comment.Vi}\" nếu cần); ô để trống là chưa nhập.",
            $"Due: {deadline:yyyy-MM-dd}. Fill in the \"{Layout.Value.En}\" column only (and \"{Layout.Comment.En}\" if needed); an empty cell means not entered.");
        sheet.Range(2, 1, 2, last).Merge().Style.Font.SetItalic();

        foreach (var column in Layout.Columns)
        {
            var header = sheet.Cell(Layout.HeaderRow, column.Number);
            header.Value = column.Header;
            header.Style.Font.SetBold().Fill.SetBackgroundColor(XLColor.FromHtml("#DCE6F1")).Alignment.SetWrapText();
            header.Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin);
        }

        var row = Layout.FirstDataRow;
        foreach (var line in lines)
        {
            var element = line.Cell.Element;
            var money = element.ValueType == ElementValueType.Money;
            var format = money ? "#,##0.##" : "#,##0";
            Text(sheet.Cell(row, Layout.ElementCode.Number), element.Code);
            Text(sheet.Cell(row, Layout.OptionCode.Number), line.Cell.Option);
            Text(sheet.Cell(row, Layout.Period.Number), line.Cell.Period.Code);
            Text(sheet.Cell(row, Layout.OrgUnit.Number), province.Code);
            Text(sheet.Cell(row, Layout.ElementName.Number), element.Name(vi) + (line.Cell.Period.Type == PeriodType.Yearly ? Language.Pick($" (năm {line.Cell.Period.Code})", $" (year {line.Cell.Period.Code})") : ""));
            Text(sheet.Cell(row, Layout.OptionName.Number), line.OptionName);
            Text(sheet.Cell(row, Layout.Kind.Number), money ? Language.Pick("Tiền (đồng)", "Money (VND)") : Language.Pick("Số đếm (số nguyên)", "Count (whole number)"));
            if (line.Previous is { } previous)
                sheet.Cell(row, Layout.Previous.Number).Value = previous;
            sheet.Cell(row, Layout.Previous.Number).Style.NumberFormat.Format = format;
            sheet.Cell(row, Layout.Previous.Number).Style.Font.SetFontColor(XLColor.FromHtml("#595959"));

            var value = sheet.Cell(row, Layout.Value.Number);
            if (line.Current is { } current)
                value.Value = current;
            value.Style.NumberFormat.Format = format;
            value.Style.Protection.SetLocked(false);
            value.Style.Fill.SetBackgroundColor(XLColor.FromHtml("#FFF9E5"));
            var validation = value.SetDataValidation();
            if (money)
                validation.Decimal.Between(0, maxMoney);
            else
                validation.WholeNumber.Between(0, (int)Math.Min(maxCount, int.MaxValue));
            validation.ErrorStyle = XLErrorStyle.Stop;
            validation.ErrorTitle = Language.Pick("Giá trị không hợp lệ", "Invalid value");
            validation.ErrorMessage = money
                ? Language.Pick("Nhập số tiền không âm (đồng).", "Enter a non-negative amount (VND).")
                : Language.Pick("Nhập số nguyên không âm.", "Enter a whole non-negative number.");

            var comment = sheet.Cell(row, Layout.Comment.Number);
            if (line.Comment is { } text)
                Text(comment, text);
            comment.Style.Protection.SetLocked(false);
            sheet.Range(row, 1, row, last).Style.Border.SetOutsideBorder(XLBorderStyleValues.Hair);
            row++;
        }

        double[] widths = [22, 10, 8, 8, 56, 10, 20, 16, 16, 36];
        foreach (var column in Layout.Columns)
        {
            sheet.Column(column.Number).Width = widths[column.Number - 1];
            if (column.Hidden)
                sheet.Column(column.Number).Hide();
        }
        sheet.Column(Layout.ElementName.Number).Style.Alignment.SetWrapText();
        sheet.Row(Layout.HeaderRow).Height = 32;
        sheet.SheetView.FreezeRows(Layout.HeaderRow);
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.SetRowsToRepeatAtTop(Layout.HeaderRow, Layout.HeaderRow);
        sheet.PageSetup.PrintAreas.Add(1, 1, Math.Max(row - 1, Layout.HeaderRow), last);
        sheet.PageSetup.Footer.Center.AddText(Language.Pick("Trang &P / &N", "Page &P of &N"));
        sheet.Protect().AllowElement(XLSheetProtectionElements.FormatColumns | XLSheetProtectionElements.FormatRows | XLSheetProtectionElements.SelectEverything);

        Instructions(workbook.Worksheets.Add(Language.Pick("Hướng dẫn", "Instructions")), province, quarter, deadline);
        workbook.Protect();
        workbook.SaveAs(output);
    }

    // Text cells stay text: a code like 01 keeps its zero, a comment starting with = is not a formula.
    private static void Text(IXLCell cell, string text)
    {
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
    }

    private static void Instructions(IXLWorksheet sheet, OrgUnit province, Period quarter, DateOnly deadline)
    {
        string[] lines = Language.IsVietnamese
            ?
            [
                $"Biểu nhập số liệu quý {quarter.Code} của {province.NameVi} (mã {province.Code}).",
                $"1. Mở trang '{Layout.SheetVi}' và điền cột '{Layout.Value.Vi}' cho từng chỉ tiêu và phân tổ. Số đếm là số nguyên không âm; tiền tính bằng đồng.",
                $"2. Cột '{Layout.Previous.Vi}' chỉ để đối chiếu, không được nhập lại.",
                "3. Ô để trống nghĩa là chưa có số liệu; không xoá giá trị đã lưu trong hệ thống.",
                "4. Không chèn, xoá hay di chuyển dòng, cột; không đổi tên trang tính. Các cột mã bị khoá (một số bị ẩn).",
                "5. Tải tệp lên trang Nhập / xuất tệp (/import): hệ thống kiểm tra thử trước, hiển thị các thay đổi và các dòng bị từ chối, rồi mới ghi.",
                $"6. Hạn nộp: {deadline:dd/MM/yyyy}. Số liệu năm (dân số, ngân sách...) nằm trong biểu quý cuối cùng của năm mà tỉnh còn hoạt động.",
            ]
            :
            [
                $"Data entry template for {quarter.Code}, {province.NameEn} (code {province.Code}).",
                $"1. Open the '{Layout.SheetEn}' sheet and fill in the '{Layout.Value.En}' column for each data element and option. Counts are whole non-negative numbers; money is in VND.",
                $"2. The '{Layout.Previous.En}' column is for reference only and is not imported.",
                "3. An empty cell means no value yet; it does not delete a value stored in the system.",
                "4. Do not insert, delete or move rows or columns, and do not rename the sheets. The code columns are locked (some are hidden).",
                "5. Upload the file on the Import / export page (/import): the system checks it first, shows the changes and any rejected rows, and only then writes.",
                $"6. Due: {deadline:yyyy-MM-dd}. Yearly values (population, budgets...) belong to the last quarter of the year in which the province is open.",
            ];
        for (var i = 0; i < lines.Length; i++)
            Text(sheet.Cell(i + 1, 1), lines[i]);
        sheet.Cell(1, 1).Style.Font.SetBold().Font.SetFontSize(13);
        sheet.Column(1).Width = 120;
        sheet.Column(1).Style.Alignment.SetWrapText();
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.Protect();
    }
}
