using System.Globalization;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange.Reports;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Services;
using ChildDashboard.Core.Services.Reports;
using ClosedXML.Excel;
using Writer = ChildDashboard.Core.Exchange.Reports.SummaryWorkbookWriter;

namespace ChildDashboard.Tests.Core.Exchange.Reports;

// The analyst summary workbook: its figures are the analytics answers for the same question, its
// sheets are formatted for reading and printing, in the user's language.
public class SummaryWorkbookTests(ReportsFixture fixture) : IClassFixture<ReportsFixture>
{
    private async Task<XLWorkbook> CreateAsync(string culture, string role, string scope, string unit, string period)
    {
        var file = await fixture.Get<SummaryWorkbookService>().CreateAsync(await fixture.AccessAsync(role, scope), unit, period);
        Assert.Null(file.Error);
        return new XLWorkbook(new MemoryStream(file.Content!));
    }

    // The language is set where the test runs: a culture set inside an awaited method is not seen after it.
    private static string Use(string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        return culture;
    }

    private static Dictionary<string, IXLRow> RowsByCode(IXLWorksheet sheet)
    {
        var header = sheet.RowsUsed().First(r => r.Cell(Writer.CodeColumn).GetString() is "Mã" or "Code").RowNumber();
        return sheet.RowsUsed().Where(r => r.RowNumber() > header && !r.Cell(Writer.CodeColumn).IsEmpty()).ToDictionary(r => r.Cell(Writer.CodeColumn).GetString());
    }

    private static void AssertNumber(double? expected, IXLCell cell)
    {
        if (expected is null)
        {
            Assert.True(cell.IsEmpty(), $"{cell.Address} should be empty, holds {cell.GetString()}");
            return;
        }
        Assert.Equal(XLDataType.Number, cell.DataType);
        WorkbookAssert.Same(expected.Value, cell.GetDouble());
    }

    [Theory]
    [InlineData("vi-VN", Roles.Leader, "VN", "VN", "2025")]
    [InlineData("en-GB", Roles.Analyst, "VN", "15", "2026S1")]
    [InlineData("vi-VN", Roles.DataEntry, "01", "01", "2026Q2")]
    [InlineData("en-GB", Roles.Leader, "VN", "15@2024-01-01", "2025Q2")]
    public async Task EveryFigureEqualsTheAnalyticsAnswerForTheSameQuestion(string culture, string role, string scope, string unit, string period)
    {
        using var workbook = await CreateAsync(Use(culture), role, scope, unit, period);
        var access = await fixture.AccessAsync(role, scope);
        var answer = await fixture.Get<AnalyticsService>().QueryAsync(
            new AnalyticsQuery([AnalyticsService.AllIndicators], [unit], [period]), access.ScopeOrNullIfNational);

        var rows = RowsByCode(workbook.Worksheet(Writer.SummarySheet));
        Assert.Equal(answer.Rows.Count, rows.Count);
        Assert.Contains(answer.Rows, r => r.Value is not null);
        foreach (var expected in answer.Rows)
        {
            var row = rows[expected.Indicator];
            AssertNumber(expected.Value, row.Cell(Writer.ValueColumn));
            AssertNumber(expected.Numerator, row.Cell(6));
            AssertNumber(expected.Denominator, row.Cell(7));
            AssertNumber(expected.Baseline, row.Cell(9));
            AssertNumber(expected.Target, row.Cell(Writer.TargetColumn));
            AssertNumber(expected.Progress, row.Cell(Writer.ProgressColumn));
            AssertNumber(expected.Expected, row.Cell(13));
            Assert.Equal(WorkbookKit.StatusLabel(expected.Status), row.Cell(Writer.StatusColumn).GetString());
            Assert.Equal(XLColor.FromHtml(WorkbookKit.StatusColour(expected.Status)), row.Cell(Writer.StatusColumn).Style.Fill.BackgroundColor);
        }

        // Each programme's sheet repeats its indicators' figures.
        var catalogue = await fixture.Get<CatalogueCache>().GetAsync();
        var cp03 = rows["CP03"];
        var programme = catalogue.Programmes.Single(p => p.Id == catalogue.IndicatorsByCode["CP03"].ProgrammeId);
        var onItsSheet = RowsByCode(workbook.Worksheet(programme.Code))["CP03"];
        Assert.Equal(cp03.Cell(Writer.ValueColumn).Value, onItsSheet.Cell(Writer.ValueColumn).Value);
    }

    [Fact]
    public async Task TheTrendSheetHoldsEachYearsAnswer()
    {
        using var workbook = await CreateAsync(Use("vi-VN"), Roles.Leader, "VN", "01", "2025");
        var answer = await fixture.Get<AnalyticsService>().QueryAsync(new AnalyticsQuery(["CP03", "BUD01"], ["01"], ["2018", "2021", "2025"]));

        var sheet = workbook.Worksheet(Writer.TrendSheet);
        var header = sheet.RowsUsed().First(r => r.Cell(4).GetString() == "2018");
        foreach (var expected in answer.Rows)
        {
            var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == expected.Indicator && r.RowNumber() > header.RowNumber());
            var column = header.CellsUsed().Single(c => c.GetString() == expected.Period).Address.ColumnNumber;
            AssertNumber(expected.Value, row.Cell(column));
        }
    }

    [Fact]
    public async Task SheetsAreInTheUsersLanguageFrozenSizedAndPrintable()
    {
        using var english = await CreateAsync(Use("en-GB"), Roles.Leader, "VN", "VN", "2024");
        var catalogue = await fixture.Get<CatalogueCache>().GetAsync();
        var programmeSheets = catalogue.Programmes.Where(p => catalogue.Indicators.Any(i => i.ProgrammeId == p.Id)).Select(p => p.Code);
        Assert.Equal(["Summary", .. programmeSheets, "Province ranking", "Trends by year", "Completeness", "Metadata"], english.Worksheets.Select(s => s.Name).ToList());
        using var vietnamese = await CreateAsync(Use("vi-VN"), Roles.Leader, "VN", "VN", "2024");
        Assert.Equal("Tổng hợp", vietnamese.Worksheet(1).Name);
        Assert.Contains(vietnamese.Worksheets, s => s.Name == "Ghi chú");
        Use("en-GB");

        var summary = english.Worksheet("Summary");
        var headerRow = summary.RowsUsed().First(r => r.Cell(1).GetString() == "Code").RowNumber();
        Assert.Equal(headerRow, summary.SheetView.SplitRow);
        Assert.Equal(2, summary.SheetView.SplitColumn);
        Assert.Equal(XLPageOrientation.Landscape, summary.PageSetup.PageOrientation);
        Assert.Equal((1, 0), (summary.PageSetup.PagesWide, summary.PageSetup.PagesTall));
        Assert.Equal(headerRow, summary.PageSetup.FirstRowToRepeatAtTop);
        Assert.All(english.Worksheets, sheet => Assert.True(sheet.Column(1).Width != sheet.ColumnWidth, $"{sheet.Name}: column widths are left at the default."));
        Assert.Equal("0.0%", summary.Cell(headerRow + 1, Writer.ProgressColumn).Style.NumberFormat.Format);
        Assert.Equal("Achieved", WorkbookKit.StatusLabel(IndicatorStatus.Achieved));

        // Numbers are never stored as text: every cell of a figure column is a number or empty.
        foreach (var row in summary.RowsUsed().Where(r => r.RowNumber() > headerRow))
            foreach (var column in new[] { Writer.ValueColumn, 6, 7, 8, 9, 10, Writer.TargetColumn, Writer.ProgressColumn, 13 })
                Assert.True(row.Cell(column).IsEmpty() || row.Cell(column).DataType == XLDataType.Number, $"{row.Cell(column).Address} is {row.Cell(column).DataType}");
        Assert.DoesNotContain(english.Worksheets.SelectMany(s => s.CellsUsed()), c => c.HasFormula);
    }

    [Fact]
    public async Task TheNationalSummaryRanksThePeriodsProvinces()
    {
        using var before = await CreateAsync(Use("en-GB"), Roles.Analyst, "VN", "VN", "2024");
        using var after = await CreateAsync(Use("en-GB"), Roles.Analyst, "VN", "VN", "2026");

        int Provinces(XLWorkbook workbook) => workbook.Worksheet(Writer.RankingSheet).RowsUsed()
            .Count(r => r.Cell(2).GetString().Length == 2 && r.Cell(5).DataType == XLDataType.Number);
        Assert.Equal(63, Provinces(before));
        Assert.Equal(34, Provinces(after));
        var ranking = after.Worksheet(Writer.RankingSheet).RowsUsed().Where(r => r.Cell(2).GetString().Length == 2 && r.Cell(4).DataType == XLDataType.Number).ToList();
        var shares = ranking.Select(r => r.Cell(4).GetDouble()).ToList();
        Assert.Equal(shares.OrderByDescending(s => s), shares);
        Assert.Equal(1, ranking[0].Cell(1).GetDouble());
    }

    [Fact]
    public async Task AProvinceSummaryExplainsWhyThereIsNoRankingAndCannotReachAnotherProvince()
    {
        using var workbook = await CreateAsync(Use("en-GB"), Roles.DataEntry, "01", "01", "2025");
        var note = workbook.Worksheet(Writer.RankingSheet).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains(note, text => text.Contains("national summary only", StringComparison.Ordinal));

        var service = fixture.Get<SummaryWorkbookService>();
        var access = await fixture.AccessAsync(Roles.DataEntry, "01");
        var other = await service.CreateAsync(access, "31", "2025");
        Assert.True(other.Forbidden);
        Assert.Null(other.Content);
        var nation = await service.CreateAsync(access, "VN", "2025");
        Assert.True(nation.Forbidden);
        var wrongPeriod = await service.CreateAsync(access, "01", "2025X9");
        Assert.False(wrongPeriod.Forbidden);
        Assert.NotNull(wrongPeriod.Error);
    }

    [Fact]
    public async Task TheCompletenessSheetTotalsTheFormsAsTheCompletenessServiceDoes()
    {
        using var workbook = await CreateAsync(Use("en-GB"), Roles.Leader, "VN", "VN", "2025");
        var access = await fixture.AccessAsync(Roles.Leader, "VN");
        var catalogue = await fixture.Get<CatalogueCache>().GetAsync();
        var summary = await fixture.Get<CompletenessService>().ForUnitAsync(access, catalogue.Units.Root!, Period.ForYear(2025));

        var sheet = workbook.Worksheet(Writer.CompletenessSheet);
        var total = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "Total");
        Assert.Equal((summary!.Expected, summary.Entered), ((int)total.Cell(4).GetDouble(), (int)total.Cell(5).GetDouble()));
        Assert.Equal(summary.Forms.Count, sheet.RowsUsed().Count(r => r.Cell(3).GetString().StartsWith("2025Q", StringComparison.Ordinal)));
        Assert.Equal(63 * 2 + 34 * 2, summary.Forms.Count);
    }
}
