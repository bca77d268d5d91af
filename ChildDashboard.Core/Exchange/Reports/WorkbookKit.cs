using System.Globalization;
using ChildDashboard.Core.Domain;
using ClosedXML.Excel;

namespace ChildDashboard.Core.Exchange.Reports;

// What every formatted report shares: text written as text, real numbers with their formats,
// status cells in the pages' colours with their word, header rows, widths computed here (ClosedXML's
// AdjustToContents needs libgdiplus) and a print set-up that fits the width of the page.
public static class WorkbookKit
{
    public const string CountFormat = "#,##0";
    public const string PercentFormat = "0.0%";
    public static readonly XLColor HeaderFill = XLColor.FromHtml("#DCE6F1");
    public static readonly XLColor SectionFill = XLColor.FromHtml("#F2F2F2");

    // A value of an indicator with its own decimals ("#,##0.0" for one).
    public static string DecimalsFormat(int decimals) => decimals <= 0 ? CountFormat : CountFormat + "." + new string('0', decimals);

    // Text cells stay text: a code like 01 keeps its zero, a name starting with = is not a formula.
    public static IXLCell Text(IXLCell cell, string? text)
    {
        cell.SetValue(text ?? "");
        cell.DataType = XLDataType.Text;
        return cell;
    }

    public static IXLCell Number(IXLCell cell, double? value, string format)
    {
        if (value is { } number && double.IsFinite(number))
            cell.SetValue(number);
        cell.Style.NumberFormat.Format = format;
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        return cell;
    }

    public static IXLCell Date(IXLCell cell, DateOnly? date)
    {
        if (date is { } day)
            cell.SetValue(day.ToDateTime(TimeOnly.MinValue));
        cell.Style.NumberFormat.Format = Language.Pick("dd/mm/yyyy", "yyyy-mm-dd");
        return cell;
    }

    // The pages' status colours (Okabe–Ito) with the status word, so that colour never carries the
    // meaning alone; dark text except on the two darkest fills (contrast ≥ 4.5 : 1 either way).
    public static IXLCell Status(IXLCell cell, IndicatorStatus status)
    {
        Text(cell, StatusLabel(status));
        cell.Style.Fill.SetBackgroundColor(XLColor.FromHtml(StatusColour(status)));
        cell.Style.Font.SetFontColor(status is IndicatorStatus.OnTrack or IndicatorStatus.NoTarget ? XLColor.White : XLColor.Black);
        cell.Style.Font.SetBold();
        return cell;
    }

    public static string StatusColour(IndicatorStatus status) => StatusPalette.Colour(status);

    public static string StatusLabel(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Achieved => Language.Pick("Đã đạt", "Achieved"),
        IndicatorStatus.OnTrack => Language.Pick("Đúng tiến độ", "On track"),
        IndicatorStatus.AtRisk => Language.Pick("Có nguy cơ", "At risk"),
        IndicatorStatus.OffTrack => Language.Pick("Chậm tiến độ", "Off track"),
        IndicatorStatus.NoData => Language.Pick("Chưa có số liệu", "No data"),
        _ => Language.Pick("Chưa có mục tiêu", "No target"),
    };

    public static string FormStatusLabel(FormStatus status) => status switch
    {
        FormStatus.Approved => Language.Pick("Đã duyệt", "Approved"),
        FormStatus.Submitted => Language.Pick("Đã nộp", "Submitted"),
        _ => Language.Pick("Chưa nộp", "Not submitted"),
    };

    public static string YesNo(bool yes) => yes ? Language.Pick("Có", "Yes") : Language.Pick("Không", "No");

    // A title block above a table: a bold title and grey lines of context; the row after it.
    public static int Title(IXLWorksheet sheet, string title, IEnumerable<string> lines)
    {
        Text(sheet.Cell(1, 1), title).Style.Font.SetBold().Font.SetFontSize(14);
        var row = 2;
        foreach (var line in lines)
        {
            Text(sheet.Cell(row, 1), line).Style.Font.SetFontColor(XLColor.FromHtml("#404040"));
            row++;
        }
        // Title lines do not widen the first column: they run on across the empty cells beside them.
        for (var r = 1; r < row; r++)
            sheet.Cell(r, 1).Style.Alignment.SetWrapText(false);
        return row;
    }

    public static void Header(IXLWorksheet sheet, int row, IReadOnlyList<string> headers, int firstColumn = 1)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            var cell = Text(sheet.Cell(row, firstColumn + i), headers[i]);
            cell.Style.Font.SetBold().Fill.SetBackgroundColor(HeaderFill).Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Center);
            cell.Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin);
        }
    }

    public static void Borders(IXLWorksheet sheet, int firstRow, int lastRow, int lastColumn)
    {
        if (lastRow < firstRow)
            return;
        var range = sheet.Range(firstRow, 1, lastRow, lastColumn);
        range.Style.Border.SetInsideBorder(XLBorderStyleValues.Hair).Border.SetOutsideBorder(XLBorderStyleValues.Thin);
        range.Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);
    }

    // Widths from the content, in characters: the longest cell of each column from fromRow on
    // (numbers as the user's culture prints them), within [min, max]; longer text wraps.
    public static void FitColumns(IXLWorksheet sheet, int fromRow, double min = 6, double max = 60)
    {
        var culture = CultureInfo.CurrentCulture;
        var lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
        var lastRow = sheet.LastRowUsed()?.RowNumber() ?? 0;
        for (var column = 1; column <= lastColumn; column++)
        {
            var widest = 0.0;
            for (var row = fromRow; row <= lastRow; row++)
            {
                var cell = sheet.Cell(row, column);
                if (cell.IsEmpty() || cell.IsMerged())
                    continue;
                var length = cell.DataType switch
                {
                    XLDataType.Number => cell.GetDouble().ToString("N2", culture).Length + 1,
                    XLDataType.DateTime => 11,
                    // A header wraps on spaces: its longest word, not its whole length.
                    _ => cell.Style.Alignment.WrapText && row == fromRow
                        ? cell.GetString().Split(' ').Max(w => w.Length) + 1
                        : cell.GetString().Length,
                };
                widest = Math.Max(widest, length * (cell.Style.Font.Bold ? 1.1 : 1.0));
            }
            var width = Math.Clamp(widest + 2, min, max);
            sheet.Column(column).Width = width;
            if (widest + 2 > max)
                sheet.Column(column).Style.Alignment.SetWrapText();
        }
    }

    // Landscape A4, the width of one page, the header rows on every page, frozen on screen.
    public static void Print(IXLWorksheet sheet, int headerRow, int frozenColumns, string title, bool landscape = true)
    {
        if (headerRow > 0)
            sheet.SheetView.FreezeRows(headerRow);
        if (frozenColumns > 0)
            sheet.SheetView.FreezeColumns(frozenColumns);
        sheet.PageSetup.PageOrientation = landscape ? XLPageOrientation.Landscape : XLPageOrientation.Portrait;
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.Margins.SetLeft(0.4).SetRight(0.4).SetTop(0.6).SetBottom(0.6);
        if (headerRow > 0)
        {
            // ClosedXML 0.95 writes the repeated rows as `Sheet!4:4`, which LibreOffice ignores; the
            // absolute form both Excel and LibreOffice read is written here instead.
            sheet.NamedRanges.Add("_xlnm.Print_Titles", $"'{sheet.Name.Replace("'", "''", StringComparison.Ordinal)}'!${headerRow}:${headerRow}");
        }
        // The title goes in the footer: a header would need a top margin the title rows already use.
        sheet.PageSetup.Footer.Left.AddText(title.Length > 100 ? title[..100] + "…" : title);
        sheet.PageSetup.Footer.Right.AddText(Language.Pick("Trang &P / &N", "Page &P of &N"));
    }

    // Sheet names: at most 31 characters, none of : \ / ? * [ ].
    public static string SheetName(string name)
    {
        var clean = new string(name.Select(c => ":\\/?*[]".Contains(c) ? '-' : c).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }

    // A paragraph across columns 1..lastColumn, wrapped, its row as high as its lines need (neither
    // Excel nor LibreOffice sizes a merged row by itself). Call after the widths are set.
    public static void Paragraph(IXLWorksheet sheet, int row, string text, int lastColumn, bool bold = false, int firstColumn = 1)
    {
        var cell = Text(sheet.Cell(row, firstColumn), text);
        var range = sheet.Range(row, firstColumn, row, lastColumn).Merge();
        range.Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
        if (bold)
            cell.Style.Font.SetBold();
        var width = Enumerable.Range(firstColumn, lastColumn - firstColumn + 1).Sum(c => sheet.Column(c).Width);
        var lines = text.Split('\n').Sum(part => Math.Max(1, (int)Math.Ceiling(part.Length * 1.1 / Math.Max(10, width - 2))));
        sheet.Row(row).Height = Math.Max(15, lines * 15.0);
    }

    // Rows whose wrapped text needs more than one line get the height of their longest cell among
    // the given columns (files written without heights open one line high in Excel).
    public static void WrapHeights(IXLWorksheet sheet, int firstRow, int lastRow, params int[] columns)
    {
        for (var row = firstRow; row <= lastRow; row++)
        {
            var lines = columns.Select(c => sheet.Cell(row, c)).Where(cell => cell.DataType == XLDataType.Text)
                .Select(cell => Math.Max(1, (int)Math.Ceiling(cell.GetString().Length * 0.95 / Math.Max(4, sheet.Column(cell.Address.ColumnNumber).Width - 1))))
                .DefaultIfEmpty(1).Max();
            if (lines > 1)
                sheet.Row(row).Height = lines * 15.0;
        }
    }
}
