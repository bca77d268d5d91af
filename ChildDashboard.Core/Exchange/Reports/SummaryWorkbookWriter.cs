using ChildDashboard.Core.Domain;
using ClosedXML.Excel;
using static ChildDashboard.Core.Exchange.Reports.WorkbookKit;

namespace ChildDashboard.Core.Exchange.Reports;

// The analyst summary workbook: Summary, one sheet per programme, Ranking, Trends, Completeness
// and Metadata, in the user's language. Every figure is a number cell with its format.
public static class SummaryWorkbookWriter
{
    public static string SummarySheet => Language.Pick("Tổng hợp", "Summary");
    public static string RankingSheet => Language.Pick("Xếp hạng tỉnh", "Province ranking");
    public static string TrendSheet => Language.Pick("Xu hướng theo năm", "Trends by year");
    public static string CompletenessSheet => Language.Pick("Mức đầy đủ", "Completeness");
    public static string MetadataSheet => Language.Pick("Ghi chú", "Metadata");

    // The columns of the summary sheet (1-based), which the tests read.
    public const int CodeColumn = 1;
    public const int ValueColumn = 5;
    public const int TargetColumn = 11;
    public const int ProgressColumn = 12;
    public const int StatusColumn = 14;

    public static void Write(Stream output, SummaryModel model)
    {
        using var workbook = new XLWorkbook();
        var vi = Language.IsVietnamese;
        var programmes = model.Programmes.ToDictionary(p => p.Id);

        Indicators(workbook.Worksheets.Add(SummarySheet), model, Language.Pick("Tổng hợp chỉ tiêu", "Indicator summary"), model.Lines, programmes);
        foreach (var programme in model.Programmes.Where(p => model.Lines.Any(l => l.Indicator.ProgrammeId == p.Id)))
        {
            var lines = model.Lines.Where(l => l.Indicator.ProgrammeId == programme.Id).ToList();
            Indicators(workbook.Worksheets.Add(SheetName(programme.Code)), model,
                $"{programme.Name(vi)} ({programme.Decision})", lines, null);
        }
        Ranking(workbook.Worksheets.Add(RankingSheet), model);
        Trends(workbook.Worksheets.Add(TrendSheet), model);
        Completeness(workbook.Worksheets.Add(CompletenessSheet), model);
        Metadata(workbook.Worksheets.Add(MetadataSheet), model);
        workbook.Worksheet(1).SetTabActive();
        workbook.SaveAs(output);
    }

    private static string UnitName(OrgUnit unit) => $"{unit.Name(Language.IsVietnamese)} ({unit.Code})";

    private static string PeriodLabel(SummaryModel model) => model.Partial
        ? Language.Pick($"Kỳ {model.Period.Code} (số liệu đến nay, chưa phải số chính thức)", $"Period {model.Period.Code} (to date, not final)")
        : Language.Pick($"Kỳ {model.Period.Code}", $"Period {model.Period.Code}");

    private static IEnumerable<string> Context(SummaryModel model)
    {
        yield return $"{UnitName(model.Unit)} · {PeriodLabel(model)}";
        yield return Language.Pick($"Lập lúc {model.GeneratedAt:dd/MM/yyyy HH:mm} (giờ Việt Nam)", $"Generated {model.GeneratedAt:yyyy-MM-dd HH:mm} (Vietnam time)");
        if (model.DemoData)
            yield return Language.Pick("Số liệu mô phỏng để trình diễn, không phải số liệu thật.", "Synthetic demo data, not real figures.");
    }

    private static void Indicators(IXLWorksheet sheet, SummaryModel model, string title, IReadOnlyList<SummaryLine> lines, Dictionary<int, Programme>? programmes)
    {
        var vi = Language.IsVietnamese;
        var headerRow = Title(sheet, title, Context(model)) + 1;
        List<string> headers =
        [
            Language.Pick("Mã", "Code"), Language.Pick("Chỉ tiêu", "Indicator"), Language.Pick("Chương trình", "Programme"),
            Language.Pick("Đơn vị tính", "Unit"), Language.Pick("Giá trị", "Value"), Language.Pick("Tử số", "Numerator"),
            Language.Pick("Mẫu số", "Denominator"), Language.Pick("Năm gốc", "Baseline year"), Language.Pick("Giá trị gốc", "Baseline"),
            Language.Pick("Năm mục tiêu", "Target year"), Language.Pick("Mục tiêu", "Target"), Language.Pick("Tiến độ", "Progress"),
            Language.Pick("Kỳ vọng", "Expected"), Language.Pick("Trạng thái", "Status"),
        ];
        Header(sheet, headerRow, headers);
        var row = headerRow + 1;
        foreach (var line in lines)
        {
            var format = DecimalsFormat(line.Indicator.Decimals);
            Text(sheet.Cell(row, CodeColumn), line.Indicator.Code);
            Text(sheet.Cell(row, 2), line.Indicator.Name(vi));
            Text(sheet.Cell(row, 3), programmes is not null && programmes.TryGetValue(line.Indicator.ProgrammeId, out var p) ? p.Code : "");
            Text(sheet.Cell(row, 4), line.Indicator.UnitLabel(vi));
            Number(sheet.Cell(row, ValueColumn), line.Value, format);
            Number(sheet.Cell(row, 6), line.Numerator, CountFormat);
            Number(sheet.Cell(row, 7), line.Denominator, CountFormat);
            Number(sheet.Cell(row, 8), line.BaselineYear, "0");
            Number(sheet.Cell(row, 9), line.Baseline, format);
            Number(sheet.Cell(row, 10), line.TargetYear, "0");
            Number(sheet.Cell(row, TargetColumn), line.Target, format);
            Number(sheet.Cell(row, ProgressColumn), line.Progress, PercentFormat);
            Number(sheet.Cell(row, 13), line.Expected, PercentFormat);
            Status(sheet.Cell(row, StatusColumn), line.Status);
            row++;
        }
        Borders(sheet, headerRow + 1, row - 1, headers.Count);
        FitColumns(sheet, headerRow);
        sheet.Column(2).Width = Math.Min(sheet.Column(2).Width, 48);
        sheet.Column(2).Style.Alignment.SetWrapText();
        sheet.Column(4).Width = Math.Min(sheet.Column(4).Width, 18);
        sheet.Column(4).Style.Alignment.SetWrapText();
        if (programmes is null)
            sheet.Column(3).Hide();
        WrapHeights(sheet, headerRow, row - 1, [.. Enumerable.Range(1, headers.Count).Where(c => c != 3 || programmes is not null)]);
        Print(sheet, headerRow, 2, title);
    }

    private static void Ranking(IXLWorksheet sheet, SummaryModel model)
    {
        var headerRow = Title(sheet, Language.Pick("Xếp hạng các tỉnh, thành phố", "Ranking of the provinces"), Context(model)) + 1;
        if (model.Ranking is null)
        {
            Paragraph(sheet, headerRow, Language.Pick(
                "Bảng xếp hạng so sánh các tỉnh, thành phố nên chỉ có trong bản tổng hợp cấp quốc gia. Số liệu cấp xã không được thu thập nên không xếp hạng được các xã của một tỉnh.",
                "The ranking compares the provinces, so it is in the national summary only. Commune figures are not collected, so a province's communes cannot be ranked."), 8);
            sheet.Column(1).Width = 14;
            return;
        }
        IndicatorStatus[] statuses = [IndicatorStatus.Achieved, IndicatorStatus.OnTrack, IndicatorStatus.AtRisk, IndicatorStatus.OffTrack, IndicatorStatus.NoData, IndicatorStatus.NoTarget];
        List<string> headers =
        [
            Language.Pick("Hạng", "Rank"), Language.Pick("Mã", "Code"), Language.Pick("Tỉnh, thành phố", "Province"),
            Language.Pick("Tỷ lệ chỉ tiêu đạt hoặc đúng tiến độ", "Share achieved or on track"),
            Language.Pick("Số chỉ tiêu được đánh giá", "Indicators assessed"),
            .. statuses.Select(StatusLabel),
        ];
        Header(sheet, headerRow, headers);
        for (var i = 0; i < statuses.Length; i++)
            Status(sheet.Cell(headerRow, 6 + i), statuses[i]).Style.Alignment.SetWrapText();
        var row = headerRow + 1;
        foreach (var line in model.Ranking)
        {
            Number(sheet.Cell(row, 1), line.Share is null ? null : line.Rank, "0");
            Text(sheet.Cell(row, 2), line.Province.Code);
            Text(sheet.Cell(row, 3), line.Province.Name(Language.IsVietnamese));
            Number(sheet.Cell(row, 4), line.Share, PercentFormat);
            Number(sheet.Cell(row, 5), line.Assessed, CountFormat);
            for (var i = 0; i < statuses.Length; i++)
                Number(sheet.Cell(row, 6 + i), line.Counts.GetValueOrDefault(statuses[i]), CountFormat);
            row++;
        }
        Borders(sheet, headerRow + 1, row - 1, headers.Count);
        var note = row + 1;
        FitColumns(sheet, headerRow, max: 24);
        sheet.Column(3).Width = Math.Max(sheet.Column(3).Width, 22);
        sheet.Column(4).Width = sheet.Column(5).Width = 14;
        WrapHeights(sheet, headerRow, headerRow, [.. Enumerable.Range(1, headers.Count)]);
        Paragraph(sheet, note, Language.Pick(
            "Xếp hạng theo tỷ lệ chỉ tiêu đã đạt hoặc đúng tiến độ trên số chỉ tiêu có mục tiêu và có số liệu trong kỳ; tỉnh không có chỉ tiêu nào được đánh giá thì không xếp hạng. Danh sách là các tỉnh, thành phố của kỳ (63 trước ngày 01/7/2025, 34 từ ngày đó).",
            "Ranked by the share of indicators achieved or on track among those with a target and a value in the period; a province with none assessed is not ranked. The list is the period's provinces (63 before 1 July 2025, 34 from then)."), headers.Count);
        Print(sheet, headerRow, 3, RankingSheet);
    }

    private static void Trends(IXLWorksheet sheet, SummaryModel model)
    {
        var vi = Language.IsVietnamese;
        var headerRow = Title(sheet, Language.Pick("Giá trị chỉ tiêu theo năm", "Indicator values by year"), Context(model)) + 1;
        List<string> headers = [Language.Pick("Mã", "Code"), Language.Pick("Chỉ tiêu", "Indicator"), Language.Pick("Đơn vị tính", "Unit"), .. model.TrendYears.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        Header(sheet, headerRow, headers);
        var row = headerRow + 1;
        foreach (var line in model.Lines)
        {
            Text(sheet.Cell(row, 1), line.Indicator.Code);
            Text(sheet.Cell(row, 2), line.Indicator.Name(vi));
            Text(sheet.Cell(row, 3), line.Indicator.UnitLabel(vi));
            for (var i = 0; i < line.Trend.Count; i++)
                Number(sheet.Cell(row, 4 + i), line.Trend[i], DecimalsFormat(line.Indicator.Decimals));
            row++;
        }
        Borders(sheet, headerRow + 1, row - 1, headers.Count);
        FitColumns(sheet, headerRow);
        sheet.Column(2).Width = Math.Min(sheet.Column(2).Width, 48);
        sheet.Column(2).Style.Alignment.SetWrapText();
        sheet.Column(3).Width = Math.Min(sheet.Column(3).Width, 18);
        sheet.Column(3).Style.Alignment.SetWrapText();
        sheet.Range(headerRow, 4, headerRow, headers.Count).Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Right);
        WrapHeights(sheet, headerRow, row - 1, 2, 3);
        Paragraph(sheet, row + 1, Language.Pick(
            "Mỗi năm tính trên địa giới của đơn vị tại năm đó (domain.md §1): tỉnh mới sau sáp nhập 2025 có chuỗi số liệu lùi về trước bằng tổng các tỉnh cũ hợp thành. Năm chưa kết thúc là số liệu đến nay.",
            "Each year is computed on the unit's territory in that year (domain.md §1): a province formed by the 2025 merger has a series back in time, the sum of the provinces it absorbed. A year not over yet is to date."), headers.Count);
        Print(sheet, headerRow, 2, TrendSheet);
    }

    private static void Completeness(IXLWorksheet sheet, SummaryModel model)
    {
        var headerRow = Title(sheet, Language.Pick("Mức đầy đủ và kịp thời của biểu mẫu", "Completeness and timeliness of the forms"), Context(model)) + 1;
        List<string> headers =
        [
            Language.Pick("Mã", "Code"), Language.Pick("Tỉnh, thành phố", "Province"), Language.Pick("Quý", "Quarter"),
            Language.Pick("Số giá trị cần nhập", "Values expected"), Language.Pick("Số giá trị đã nhập", "Values entered"),
            Language.Pick("Mức đầy đủ", "Completeness"), Language.Pick("Trạng thái biểu", "Form status"), Language.Pick("Hạn nộp", "Deadline"),
            Language.Pick("Ngày nộp", "Submitted on"), Language.Pick("Đúng hạn", "On time"), Language.Pick("Số ngày quá hạn", "Days overdue"),
        ];
        Header(sheet, headerRow, headers);
        var row = headerRow + 1;
        if (model.Completeness.Count == 0)
        {
            Paragraph(sheet, row, Language.Pick("Không có biểu mẫu nào phải nộp cho đơn vị và kỳ này.", "No form had to be reported for this unit and period."), headers.Count);
        }
        foreach (var line in model.Completeness)
        {
            if (line.Unit is { } unit)
            {
                Text(sheet.Cell(row, 1), unit.Code);
                Text(sheet.Cell(row, 2), unit.Name(Language.IsVietnamese));
            }
            else
            {
                Text(sheet.Cell(row, 2), Language.Pick("Tổng cộng", "Total"));
                sheet.Range(row, 1, row, headers.Count).Style.Font.SetBold().Fill.SetBackgroundColor(SectionFill);
            }
            Text(sheet.Cell(row, 3), line.Quarter?.Code ?? "");
            Number(sheet.Cell(row, 4), line.Expected, CountFormat);
            Number(sheet.Cell(row, 5), line.Entered, CountFormat);
            Number(sheet.Cell(row, 6), line.Completeness, PercentFormat);
            Text(sheet.Cell(row, 7), line.Status is { } status ? FormStatusLabel(status) : "");
            Date(sheet.Cell(row, 8), line.Deadline);
            Date(sheet.Cell(row, 9), line.SubmittedOn);
            Text(sheet.Cell(row, 10), line.OnTime is { } onTime ? YesNo(onTime) : "");
            Number(sheet.Cell(row, 11), line.DaysOverdue, CountFormat);
            row++;
        }
        Borders(sheet, headerRow + 1, row - 1, headers.Count);
        FitColumns(sheet, headerRow, max: 30);
        WrapHeights(sheet, headerRow, headerRow, [.. Enumerable.Range(1, headers.Count)]);
        Print(sheet, headerRow, 2, CompletenessSheet);
    }

    private static void Metadata(IXLWorksheet sheet, SummaryModel model)
    {
        var vi = Language.IsVietnamese;
        var notes = MetadataNotes(model).ToList();
        var title = Language.Pick("Ghi chú, định nghĩa và quy ước tính", "Notes, definitions and decisions");
        var headerRow = Title(sheet, title, Context(model)) + notes.Count + 2;
        List<string> headers =
        [
            Language.Pick("Mã", "Code"), Language.Pick("Chỉ tiêu", "Indicator"), Language.Pick("Chương trình", "Programme"),
            Language.Pick("Tử số", "Numerator"), Language.Pick("Mẫu số", "Denominator"), Language.Pick("Hệ số", "Factor"),
            Language.Pick("Chiều tốt", "Better when"), Language.Pick("Đơn vị tính", "Unit"), Language.Pick("Quy năm", "Annualized"),
        ];
        Header(sheet, headerRow, headers);
        var programmes = model.Programmes.ToDictionary(p => p.Id);
        var row = headerRow + 1;
        foreach (var indicator in model.Lines.Select(l => l.Indicator))
        {
            Text(sheet.Cell(row, 1), indicator.Code);
            Text(sheet.Cell(row, 2), indicator.Name(vi));
            Text(sheet.Cell(row, 3), programmes.TryGetValue(indicator.ProgrammeId, out var p) ? p.Code : "");
            Text(sheet.Cell(row, 4), indicator.Numerator);
            Text(sheet.Cell(row, 5), indicator.Denominator);
            Number(sheet.Cell(row, 6), indicator.Factor, CountFormat);
            Text(sheet.Cell(row, 7), indicator.Direction == Direction.Up ? Language.Pick("Cao hơn", "Higher") : Language.Pick("Thấp hơn", "Lower"));
            Text(sheet.Cell(row, 8), indicator.UnitLabel(vi));
            Text(sheet.Cell(row, 9), YesNo(indicator.Annualized));
            row++;
        }
        Borders(sheet, headerRow + 1, row - 1, headers.Count);

        var programmeHeader = row + 1;
        Header(sheet, programmeHeader, [Language.Pick("Mã", "Code"), Language.Pick("Chương trình", "Programme"), Language.Pick("Quyết định", "Decision"), Language.Pick("Từ năm", "From"), Language.Pick("Đến năm", "To")]);
        row = programmeHeader + 1;
        foreach (var programme in model.Programmes)
        {
            Text(sheet.Cell(row, 1), programme.Code);
            Text(sheet.Cell(row, 2), programme.Name(vi));
            Text(sheet.Cell(row, 3), programme.Decision);
            Number(sheet.Cell(row, 4), programme.StartYear, "0");
            Number(sheet.Cell(row, 5), programme.EndYear, "0");
            row++;
        }
        Borders(sheet, programmeHeader + 1, row - 1, 5);
        FitColumns(sheet, headerRow, max: 30);
        sheet.Column(2).Width = 48;
        sheet.Column(2).Style.Alignment.SetWrapText();
        WrapHeights(sheet, headerRow, row - 1, [.. Enumerable.Range(1, headers.Count)]);
        var noteRow = headerRow - notes.Count - 1;
        foreach (var note in notes)
            Paragraph(sheet, noteRow++, note, headers.Count);
        Print(sheet, headerRow, 0, MetadataSheet);
    }

    private static IEnumerable<string> MetadataNotes(SummaryModel model)
    {
        var unit = model.Unit.Code;
        yield return Language.Pick(
            $"Nguồn: mọi con số là câu trả lời của GET /api/v1/analytics?indicator=ALL&orgUnit={unit}&period={model.Period.Code} tại thời điểm lập (đơn vị cùng các đơn vị trực thuộc, theo địa giới của kỳ).",
            $"Source: every figure is the answer of GET /api/v1/analytics?indicator=ALL&orgUnit={unit}&period={model.Period.Code} at the time of writing (the unit with the units below it, on the period's boundaries).");
        yield return Language.Pick(
            "Giá trị = hệ số × tử số ÷ mẫu số, tính từ tổng các số đếm; tỷ lệ không bao giờ được lấy trung bình. Thiếu số liệu là để trống, không phải 0; số 0 đã nhập là số liệu.",
            "Value = factor × numerator ÷ denominator, from summed counts; percentages are never averaged. Missing data is left empty, never 0; a stored 0 is data.");
        yield return Language.Pick(
            "Mục tiêu là mục tiêu năm; với kỳ ngắn hơn một năm, chỉ tiêu đếm sự kiện so với mục tiêu tính theo tỷ lệ số ngày, tỷ suất được quy năm. Tiến độ = (thực hiện − gốc) ÷ (mục tiêu − gốc); kỳ vọng là phần đường từ năm gốc đến năm mục tiêu đã qua.",
            "Targets are yearly; for a period shorter than a year, event counts compare with the target pro-rated by days and rates are annualized. Progress = (actual − baseline) ÷ (target − baseline); expected is the share of the way from the baseline year to the target year already elapsed.");
        yield return Language.Pick(
            "Trạng thái: Đã đạt (đạt hoặc vượt mục tiêu theo chiều tốt), Đúng tiến độ (tiến độ ≥ kỳ vọng − 10 điểm), Có nguy cơ (≥ kỳ vọng − 25 điểm), Chậm tiến độ (còn lại), Chưa có số liệu, Chưa có mục tiêu. Màu đi kèm chữ, không dùng màu một mình.",
            "Status: Achieved (at or beyond the target in its better direction), On track (progress ≥ expected − 10 points), At risk (≥ expected − 25 points), Off track (otherwise), No data, No target. Colours always come with the word.");
        yield return Language.Pick(
            "Sáp nhập tỉnh năm 2025 (Nghị quyết 202/2025/QH15): 63 tỉnh, thành phố đến hết ngày 30/6/2025, 34 từ ngày 01/7/2025. Tỉnh mới là đơn vị mới; số liệu trước ngày sáp nhập của tỉnh mới là tổng các tỉnh cũ hợp thành, nên số liệu toàn quốc không tính trùng. Mã 15 là Yên Bái đến 30/6/2025 và là tỉnh Lào Cai mới từ 01/7/2025.",
            "The 2025 merger of provinces (Resolution 202/2025/QH15): 63 provinces until 30 June 2025, 34 from 1 July 2025. A merged province is a new unit; its figures before the merger are the sums of the provinces it absorbed, so national totals never double count. Code 15 was Yên Bái until 30 June 2025 and is the new Lào Cai from 1 July 2025.");
        if (model.Partial)
            yield return Language.Pick("Kỳ chưa kết thúc: số liệu đến nay, chưa phải số chính thức.", "The period is not over: figures to date, not final.");
    }
}
