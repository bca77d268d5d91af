using ChildDashboard.Core.Domain;
using ClosedXML.Excel;
using static ChildDashboard.Core.Exchange.Reports.WorkbookKit;

namespace ChildDashboard.Core.Exchange.Reports;

// Writes a report to the ministry in the fixed layout of MinistryReportLayout: a title block,
// then each section with its own heading row, and for the national roll-up an annex of provinces.
public static class MinistryReportWriter
{
    public static string ReportSheet => Language.Pick("Báo cáo", "Report");
    public static string ProvincesSheet => Language.Pick("Các tỉnh, thành phố", "Provinces");

    // Columns of the fixed layout: No., name, then six figures.
    private static readonly double[] Widths = [6, 50, 16, 15, 15, 15, 17, 17];
    private const int Last = MinistryReportLayout.ColumnCount;

    public static string Title(MinistryReportModel model) => model.Annual
        ? Language.Pick($"BÁO CÁO KẾT QUẢ THỰC HIỆN CÔNG TÁC TRẺ EM NĂM {model.Covers.Year}", $"ANNUAL REPORT ON WORK FOR CHILDREN, {model.Covers.Year}")
        : Language.Pick($"BÁO CÁO KẾT QUẢ THỰC HIỆN CÔNG TÁC TRẺ EM 6 THÁNG ĐẦU NĂM {model.Covers.Year}", $"SIX-MONTH REPORT ON WORK FOR CHILDREN, FIRST HALF OF {model.Covers.Year}");

    public static void Write(Stream output, MinistryReportModel model)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(ReportSheet);
        for (var c = 1; c <= Last; c++)
            sheet.Column(c).Width = Widths[c - 1];
        var row = Heading(sheet, model);
        foreach (var section in MinistryReportLayout.Sections)
        {
            // A long section starts on a new page, so that no heading is left alone at a page's foot.
            if (section.Rows.Count > 10 && section != MinistryReportLayout.Sections[0])
                sheet.PageSetup.AddHorizontalPageBreak(row);
            row++;
            var title = Text(sheet.Cell(row, 1), $"{section.Number}. {section.Title}");
            sheet.Range(row, 1, row, Last).Merge().Style.Font.SetBold().Fill.SetBackgroundColor(SectionFill);
            title.Style.Font.SetFontSize(12);
            row++;
            row = section.Kind switch
            {
                ReportSectionKind.Results => Rows(sheet, row, section, model, Result),
                ReportSectionKind.Counts => Rows(sheet, row, section, model, Count),
                ReportSectionKind.Budget => Rows(sheet, row, section, model, Budget),
                ReportSectionKind.Completeness => Completeness(sheet, row, section, model),
                _ => Narrative(sheet, row, model),
            };
        }
        Print(sheet, 0, 0, $"{Title(model)} · {model.Unit.Name(Language.IsVietnamese)}");
        sheet.PageSetup.PrintAreas.Add(1, 1, row, Last);
        if (model.Provinces is { } provinces)
            Provinces(workbook.Worksheets.Add(ProvincesSheet), model, provinces);
        workbook.Worksheet(1).SetTabActive();
        workbook.SaveAs(output);
    }

    private static int Heading(IXLWorksheet sheet, MinistryReportModel model)
    {
        Text(sheet.Cell(1, 1), Title(model));
        sheet.Range(1, 1, 1, Last).Merge().Style.Font.SetBold().Font.SetFontSize(14).Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        List<string> lines =
        [
            Language.Pick($"Đơn vị báo cáo: {model.Unit.NameVi} (mã {model.Unit.Code})", $"Reporting unit: {model.Unit.NameEn} (code {model.Unit.Code})"),
            Language.Pick($"Kỳ báo cáo: {model.Covers.Start:dd/MM/yyyy} – {model.Covers.End:dd/MM/yyyy} ({model.Covers.Code}); hạn gửi Bộ: {model.Deadline:dd/MM/yyyy}",
                $"Period: {model.Covers.Start:yyyy-MM-dd} to {model.Covers.End:yyyy-MM-dd} ({model.Covers.Code}); due at the ministry: {model.Deadline:yyyy-MM-dd}"),
            Language.Pick($"Số liệu lấy từ hệ thống lúc {model.GeneratedAt:dd/MM/yyyy HH:mm} (giờ Việt Nam)", $"Figures taken from the system at {model.GeneratedAt:yyyy-MM-dd HH:mm} (Vietnam time)"),
        ];
        if (model.Partial)
            lines.Add(Language.Pick("Kỳ báo cáo chưa kết thúc hoặc còn biểu chưa duyệt: số liệu là số ước tính đến nay.", "The period is not over or some forms are not approved: the figures are estimates to date."));
        if (model.DemoData)
            lines.Add(Language.Pick("Số liệu mô phỏng để trình diễn, không phải số liệu thật.", "Synthetic demo data, not real figures."));
        var row = 2;
        foreach (var line in lines)
        {
            Text(sheet.Cell(row, 1), line);
            sheet.Range(row, 1, row, Last).Merge().Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
            row++;
        }
        return row;
    }

    private delegate void RowWriter(IXLWorksheet sheet, int row, ReportRow layoutRow, MinistryReportModel model);

    private static int Rows(IXLWorksheet sheet, int row, ReportSection section, MinistryReportModel model, RowWriter write)
    {
        Header(sheet, row, section.Columns.Select(c => Language.Pick(c.Vi, c.En)).ToList());
        WrapHeights(sheet, row, row, Enumerable.Range(1, Last).ToArray());
        var first = ++row;
        var number = 0;
        foreach (var layoutRow in section.Rows)
        {
            if (layoutRow.Kind == ReportRowKind.Programme)
            {
                var name = model.Programmes.TryGetValue(layoutRow.Code, out var programme)
                    ? $"{programme.Name(Language.IsVietnamese)} ({programme.Decision})" : layoutRow.Code;
                Text(sheet.Cell(row, 2), name);
                sheet.Range(row, 2, row, Last).Merge().Style.Font.SetBold().Alignment.SetWrapText();
                var width = Widths[1..].Sum();
                sheet.Row(row).Height = Math.Max(1, Math.Ceiling(name.Length * 1.1 / (width - 2))) * 15;
            }
            else
            {
                Number(sheet.Cell(row, 1), ++number, "0").Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
                write(sheet, row, layoutRow, model);
                sheet.Cell(row, 2).Style.Alignment.SetWrapText();
                sheet.Cell(row, 3).Style.Alignment.SetWrapText();
                WrapHeights(sheet, row, row, 2, 3);
            }
            row++;
        }
        Borders(sheet, first, row - 1, Last);
        return row;
    }

    private static void Result(IXLWorksheet sheet, int row, ReportRow layoutRow, MinistryReportModel model)
    {
        var line = model.Indicators[layoutRow.Code];
        var indicator = line.Indicator;
        var vi = Language.IsVietnamese;
        var format = DecimalsFormat(indicator.Decimals);
        Text(sheet.Cell(row, 2), $"{indicator.Name(vi)} ({indicator.Code})");
        Text(sheet.Cell(row, 3), indicator.UnitLabel(vi));
        Number(sheet.Cell(row, 4), line.Value, format);
        Number(sheet.Cell(row, 5), line.Target, format);
        Number(sheet.Cell(row, 6), line.TargetYear, "0");
        Number(sheet.Cell(row, 7), line.Progress, PercentFormat);
        Status(sheet.Cell(row, 8), line.Status);
    }

    private static void Count(IXLWorksheet sheet, int row, ReportRow layoutRow, MinistryReportModel model)
    {
        var figures = model.Elements[layoutRow.Code];
        Text(sheet.Cell(row, 2), figures.Element.Name(Language.IsVietnamese));
        Number(sheet.Cell(row, 3), figures.Total, CountFormat);
        Number(sheet.Cell(row, 4), figures.Male, CountFormat);
        Number(sheet.Cell(row, 5), figures.Female, CountFormat);
        Number(sheet.Cell(row, 6), figures.LastYear, CountFormat);
        Number(sheet.Cell(row, 7), figures.Total is { } now && figures.LastYear is { } then && then != 0 ? (now - then) / then : null, "+0.0%;-0.0%;0.0%");
    }

    private static void Budget(IXLWorksheet sheet, int row, ReportRow layoutRow, MinistryReportModel model)
    {
        if (layoutRow.Kind == ReportRowKind.Indicator)
        {
            var line = model.Indicators[layoutRow.Code];
            Text(sheet.Cell(row, 2), $"{line.Indicator.Name(Language.IsVietnamese)} ({line.Indicator.Code})");
            Text(sheet.Cell(row, 3), line.Indicator.UnitLabel(Language.IsVietnamese));
            Number(sheet.Cell(row, 4), line.Value, DecimalsFormat(line.Indicator.Decimals));
            Number(sheet.Cell(row, 5), line.Trend.Count > 1 ? line.Trend[^2] : null, DecimalsFormat(line.Indicator.Decimals));
            return;
        }
        var figures = model.Elements[layoutRow.Code];
        Text(sheet.Cell(row, 2), figures.Element.Name(Language.IsVietnamese));
        Text(sheet.Cell(row, 3), Language.Pick("đồng", "VND"));
        Number(sheet.Cell(row, 4), figures.Total, CountFormat);
        Number(sheet.Cell(row, 5), figures.LastYear, CountFormat);
    }

    private static int Completeness(IXLWorksheet sheet, int row, ReportSection section, MinistryReportModel model)
    {
        Header(sheet, row, section.Columns.Select(c => Language.Pick(c.Vi, c.En)).ToList());
        WrapHeights(sheet, row, row, Enumerable.Range(1, Last).ToArray());
        var first = ++row;
        var number = 0;
        foreach (var quarter in model.Completeness)
        {
            Number(sheet.Cell(row, 1), ++number, "0").Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
            Text(sheet.Cell(row, 2), Language.Pick($"Quý {quarter.Quarter.Index}/{quarter.Quarter.Year}", $"Q{quarter.Quarter.Index} {quarter.Quarter.Year}"));
            Number(sheet.Cell(row, 3), quarter.Forms, CountFormat);
            Number(sheet.Cell(row, 4), quarter.Submitted, CountFormat);
            Number(sheet.Cell(row, 5), quarter.Approved, CountFormat);
            Number(sheet.Cell(row, 6), quarter.OnTime, CountFormat);
            Text(sheet.Cell(row, 7), $"{quarter.Entered:N0} / {quarter.Expected:N0}").Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Right);
            Number(sheet.Cell(row, 8), quarter.Completeness, PercentFormat);
            row++;
        }
        if (model.Completeness.Count == 0)
        {
            Text(sheet.Cell(row, 2), Language.Pick("Chưa có quý nào của kỳ báo cáo bắt đầu.", "No quarter of the period has started."));
            row++;
        }
        Borders(sheet, first, row - 1, Last);
        return row;
    }

    private static int Narrative(IXLWorksheet sheet, int row, MinistryReportModel model)
    {
        if (model.Narrative is not { } narrative || string.IsNullOrWhiteSpace(narrative.Text))
        {
            Paragraph(sheet, row, Language.Pick("(Chưa có nội dung. Đơn vị viết phần này trên trang Báo cáo của hệ thống.)",
                "(Not written yet. The unit writes this part on the system's Reports page.)"), Last, firstColumn: 2);
            sheet.Cell(row, 2).Style.Font.SetItalic();
            return row + 1;
        }
        foreach (var paragraph in narrative.Text.Replace("\r\n", "\n").Split('\n').Select(p => p.TrimEnd()).Where(p => p.Length > 0))
            Paragraph(sheet, row++, paragraph, Last, firstColumn: 2);
        Paragraph(sheet, row, Language.Pick($"Người viết: {narrative.UpdatedBy}, cập nhật lúc {narrative.UpdatedAt:dd/MM/yyyy HH:mm}", $"Written by {narrative.UpdatedBy}, last updated {narrative.UpdatedAt:yyyy-MM-dd HH:mm}"), Last, firstColumn: 2);
        sheet.Cell(row, 2).Style.Font.SetItalic().Font.SetFontColor(XLColor.FromHtml("#404040"));
        return row + 1;
    }

    private static void Provinces(IXLWorksheet sheet, MinistryReportModel model, IReadOnlyList<ProvinceReportLine> provinces)
    {
        var headerRow = WorkbookKit.Title(sheet, Language.Pick("Phụ lục: các tỉnh, thành phố", "Annex: the provinces"),
            [$"{Title(model)} · {model.Covers.Code}"]) + 1;
        List<string> headers =
        [
            Language.Pick("Mã", "Code"), Language.Pick("Tỉnh, thành phố", "Province"), Language.Pick("Số biểu phải nộp", "Forms due"),
            Language.Pick("Đã nộp", "Submitted"), Language.Pick("Đã duyệt", "Approved"), Language.Pick("Giá trị đã nhập", "Values entered"),
            Language.Pick("Giá trị cần nhập", "Values expected"), Language.Pick("Mức đầy đủ", "Completeness"), Language.Pick("Phần đánh giá cập nhật lúc", "Narrative updated"),
        ];
        Header(sheet, headerRow, headers);
        var row = headerRow + 1;
        foreach (var line in provinces)
        {
            Text(sheet.Cell(row, 1), line.Province.Code);
            Text(sheet.Cell(row, 2), line.Province.ClosedDate is { } closed
                ? Language.Pick($"{line.Province.NameVi} (đến {closed:dd/MM/yyyy})", $"{line.Province.NameEn} (until {closed:yyyy-MM-dd})")
                : line.Province.Name(Language.IsVietnamese));
            Number(sheet.Cell(row, 3), line.Forms, CountFormat);
            Number(sheet.Cell(row, 4), line.Submitted, CountFormat);
            Number(sheet.Cell(row, 5), line.Approved, CountFormat);
            Number(sheet.Cell(row, 6), line.Entered, CountFormat);
            Number(sheet.Cell(row, 7), line.Expected, CountFormat);
            Number(sheet.Cell(row, 8), line.Completeness, PercentFormat);
            if (line.NarrativeUpdatedAt is { } at)
                sheet.Cell(row, 9).SetValue(at.DateTime).Style.NumberFormat.Format = Language.Pick("dd/mm/yyyy hh:mm", "yyyy-mm-dd hh:mm");
            else
                Text(sheet.Cell(row, 9), Language.Pick("Chưa viết", "Not written"));
            row++;
        }
        Borders(sheet, headerRow + 1, row - 1, headers.Count);
        FitColumns(sheet, headerRow, max: 30);
        sheet.Column(9).Width = 18;
        WrapHeights(sheet, headerRow, headerRow, [.. Enumerable.Range(1, headers.Count)]);
        Print(sheet, headerRow, 2, ProvincesSheet);
    }
}
