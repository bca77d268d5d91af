using System.Globalization;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange.Reports;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Services;
using ChildDashboard.Core.Services.Reports;
using ClosedXML.Excel;

namespace ChildDashboard.Tests.Core.Exchange.Reports;

// The reports to the ministry: the layout's rows in order with the analytics' figures, the
// priority groups by the same arithmetic, the narrative as text, the national roll-up's annex.
public class MinistryReportTests(ReportsFixture fixture) : IClassFixture<ReportsFixture>
{
    private async Task<(XLWorkbook Workbook, MinistryReportModel Model)> CreateAsync(string culture, string role, string scope, string unit, string report)
    {
        var access = await fixture.AccessAsync(role, scope);
        var service = fixture.Get<MinistryReportService>();
        var file = await service.CreateAsync(access, unit, report);
        Assert.Null(file.Error);
        var (model, _, _) = await service.BuildAsync(access, unit, report);
        return (new XLWorkbook(new MemoryStream(file.Content!)), model!);
    }

    // The language is set where the test runs: a culture set inside an awaited method is not seen after it.
    private static string Use(string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        return culture;
    }

    private static IXLRow RowNamed(IXLWorksheet sheet, string text) =>
        sheet.RowsUsed().Single(r => r.Cell(2).GetString().Contains(text, StringComparison.Ordinal));

    [Fact]
    public async Task TheLayoutNamesOnlyCatalogueCodesAndReportsEveryIndicator()
    {
        var catalogue = await fixture.Get<CatalogueCache>().GetAsync();
        var rows = MinistryReportLayout.Sections.SelectMany(s => s.Rows).ToList();

        Assert.All(rows.Where(r => r.Kind == ReportRowKind.Indicator), r => Assert.True(catalogue.IndicatorsByCode.ContainsKey(r.Code), r.Code));
        Assert.All(rows.Where(r => r.Kind == ReportRowKind.Element), r => Assert.True(catalogue.ElementsByCode.ContainsKey(r.Code), r.Code));
        Assert.All(rows.Where(r => r.Kind == ReportRowKind.Programme), r => Assert.Contains(catalogue.Programmes, p => p.Code == r.Code));
        Assert.Equal(catalogue.Indicators.Select(i => i.Code).Order(), rows.Where(r => r.Kind == ReportRowKind.Indicator).Select(r => r.Code).Order());
        Assert.All(MinistryReportLayout.Sections, s => Assert.True(s.Kind == ReportSectionKind.Narrative || s.Columns.Count == MinistryReportLayout.ColumnCount, s.Number));
    }

    [Theory]
    [InlineData("vi-VN", Roles.DataEntry, "01", "01", "2026S1")]
    [InlineData("en-GB", Roles.Leader, "VN", "VN", "2025")]
    [InlineData("en-GB", Roles.Leader, "VN", "15@2025-01-01", "2025S1")]
    public async Task ResultsAreTheAnalyticsAnswersForTheReportsPeriod(string culture, string role, string scope, string unit, string report)
    {
        var (workbook, model) = await CreateAsync(Use(culture), role, scope, unit, report);
        using var _ = workbook;
        var access = await fixture.AccessAsync(role, scope);
        var answer = await fixture.Get<AnalyticsService>().QueryAsync(new AnalyticsQuery([AnalyticsService.AllIndicators], [unit], [report]), access.ScopeOrNullIfNational);

        var sheet = workbook.Worksheet(MinistryReportWriter.ReportSheet);
        Assert.Contains(answer.Rows, r => r.Value is not null);
        foreach (var expected in answer.Rows)
        {
            var row = RowNamed(sheet, $"({expected.Indicator})");
            if (expected.Value is { } value)
                WorkbookAssert.Same(value, row.Cell(4).GetDouble());
            else
                Assert.True(row.Cell(4).IsEmpty());
            if (expected.Target is { } target && row.Cell(5).DataType == XLDataType.Number)
                WorkbookAssert.Same(target, row.Cell(5).GetDouble());
        }
        // A count with an indicator of its own (CP01 = CSC_TOTAL) is the same figure in section II.
        var children = model.Elements["CSC_TOTAL"];
        Assert.Equal(model.Indicators["CP01"].Value, children.Total);
        Assert.Equal(children.Total, children.Male + children.Female);
        Assert.Equal(children.Total, sheet.RowsUsed().Single(r => r.Cell(2).GetString() == children.Element.Name(Language.IsVietnamese)).Cell(3).GetDouble());
    }

    [Fact]
    public async Task SectionsComeInTheLayoutsOrderWithTheNarrativeWrittenAsText()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var catalogue = await fixture.Get<CatalogueCache>().GetAsync();
        var hanoi = catalogue.Units.FindCurrent("01", DateOnly.FromDateTime(TestDatabase.Today.Date))!;
        const string hostile = "=HYPERLINK(\"http://example.com\",\"bấm vào đây\")";
        var saved = await fixture.Get<ReportNarrativeService>().SaveAsync(
            await fixture.AccessAsync(Roles.DataEntry, "01", "nhaplieu.hanoi"), hanoi, Period.Parse("2025"), $"Tỉnh đã hoàn thành phần lớn chỉ tiêu.\n{hostile}", 0);
        Assert.Equal(ReportNarrativeService.SaveStatus.Saved, saved.Status);

        var (workbook, _) = await CreateAsync(Use("vi-VN"), Roles.Leader, "01", "01", "2025");
        using var _ = workbook;
        var sheet = workbook.Worksheet("Báo cáo");
        var titles = sheet.RowsUsed().Select(r => r.Cell(1).GetString()).Where(t => t.Length > 3 && t.Contains(". ", StringComparison.Ordinal)).ToList();
        Assert.Equal(MinistryReportLayout.Sections.Select(s => $"{s.Number}. {s.TitleVi}"), titles);
        Assert.StartsWith("BÁO CÁO KẾT QUẢ THỰC HIỆN CÔNG TÁC TRẺ EM NĂM 2025", sheet.Cell(1, 1).GetString());

        var cell = sheet.CellsUsed().Single(c => c.GetString() == hostile);
        Assert.False(cell.HasFormula);
        Assert.Equal(XLDataType.Text, cell.DataType);
        Assert.Contains(sheet.CellsUsed(), c => c.GetString().Contains("nhaplieu.hanoi", StringComparison.Ordinal));
        Assert.Equal(XLPageOrientation.Landscape, sheet.PageSetup.PageOrientation);
        Assert.Equal(1, sheet.PageSetup.PagesWide);
    }

    [Fact]
    public async Task TheNationalRollUpHasAnAnnexOfTheProvincesAndOnlyNationalUsersGetIt()
    {
        var (workbook, model) = await CreateAsync(Use("en-GB"), Roles.Leader, "VN", "VN", "2026S1");
        using var _ = workbook;
        Assert.Equal(34, workbook.Worksheet(MinistryReportWriter.ProvincesSheet).RowsUsed().Count(r => r.Cell(1).GetString().Length == 2));
        Assert.Equal(2, model.Completeness.Count);
        Assert.Equal(34, model.Completeness[0].Forms);
        Assert.Equal(new DateOnly(2026, 5, 25), model.Deadline);

        var service = fixture.Get<MinistryReportService>();
        var province = await fixture.AccessAsync(Roles.Leader, "01");
        Assert.True((await service.CreateAsync(province, "VN", "2026S1")).Forbidden);
        Assert.True((await service.CreateAsync(province, "31", "2026S1")).Forbidden);
        Assert.False((await service.CreateAsync(province, "01", "2026S2")).Forbidden);
        Assert.NotNull((await service.CreateAsync(province, "01", "2026Q1")).Error);
        Assert.NotNull((await service.CreateAsync(province, "01", "2026")).Content);
    }
}
