using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using ChildDashboard.Core.Services.Dashboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Tests.Core.Services.Dashboards;

// One indicator on a small hand-made data set: CP03 (CSC_SUPPORTED ÷ CSC_TOTAL × 100, up is good,
// national chain 87 in 2017 → 90 in 2025 → 95 in 2030) of Hà Nội is 88, 89, … 93 % at the end of
// 2020–2025 (boys only) and 94 % at the end of 2026Q3; in 2025Q4 girls are 40 of 50. TP. Hồ Chí
// Minh is 80 % at the end of 2025, Cần Thơ 93 % (as Hà Nội's boys). The clock reads 29/11/2026.
public sealed class IndicatorPageServiceTests : IAsyncLifetime
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestDatabase.Today.Date);
    private TestDatabase? _database;
    private IndicatorPageService? _service;
    private Catalogue? _catalogue;

    private IndicatorPageService Service => _service!;
    private Catalogue Catalogue => _catalogue!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using (var db = _database.CreateDbContext())
        {
            for (var year = 2020; year <= 2025; year++)
                await StoreCp03Async(db, "01", $"{year}Q4", "MALE", year - 1932, 100);
            await StoreCp03Async(db, "01", "2025Q4", "FEMALE", 40, 50);
            await StoreCp03Async(db, "01", "2026Q3", "MALE", 94, 100);
            await StoreCp03Async(db, "79", "2025Q4", "MALE", 80, 100);
            await StoreCp03Async(db, "92", "2025Q4", "MALE", 93, 100);
            await db.SaveChangesAsync();
        }
        var catalogues = new CatalogueCache(_database);
        _catalogue = await catalogues.GetAsync();
        var store = new ValueStore(new ValueTableLoader(_database), NullLogger<ValueStore>.Instance);
        var analytics = new AnalyticsService(catalogues, store, _database.Time, Options.Create(new StatusOptions()));
        var completeness = new CompletenessService(_database, catalogues, store, _database.Time);
        _service = new IndicatorPageService(catalogues, analytics, store, completeness, _database.Time);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    private static async Task StoreCp03Async(AppDbContext db, string code, string period, string sex, double supported, double total)
    {
        await StoreAsync(db, "CSC_SUPPORTED", code, period, sex, supported);
        await StoreAsync(db, "CSC_TOTAL", code, period, sex, total);
    }

    private static async Task StoreAsync(AppDbContext db, string element, string code, string period, string option, double value)
    {
        var units = new OrgUnitDirectory(await db.OrgUnits.AsNoTracking().ToListAsync());
        db.DataValues.Add(new DataValue
        {
            DataElementId = (await db.DataElements.SingleAsync(e => e.Code == element)).Id,
            OrgUnitId = units.FindOpen(code, Period.Parse(period).Start)!.Id, Period = period, OptionCode = option, Value = value,
        });
    }

    private OrgUnit Unit(string code) => Catalogue.Units.FindCurrent(code, Today)!;

    private UserAccess Access(string scope) => new("u", [Roles.Leader], Unit(scope), Catalogue.Units);

    [Fact]
    public async Task ThePageHoldsTheDefinitionYearsChainAndForecast()
    {
        var page = (await Service.GetAsync("CP03", Unit("01"), Period.ForYear(2026), Access("VN")))!;

        Assert.Equal("NPC30", page.Programme!.Code);
        Assert.Equal(["CSC_SUPPORTED"], page.Numerator.Select(p => p.Element.Code));
        Assert.Equal(["CSC_TOTAL"], page.Denominator.Select(p => p.Element.Code));
        // The years start with the first that has a value and end with this year to date.
        Assert.Equal(Enumerable.Range(2020, 7), page.Years.Select(y => y.Period.Year));
        Assert.Equal(88, page.Years[0].Value!.Value, 9);
        // (40 + 93) / (50 + 100) with the girls of 2025Q4.
        Assert.Equal(133.0 / 150 * 100, page.Years[5].Value!.Value, 9);
        // (88,67 − 87) / (90 − 87) against an expected 1 at the 2025 target.
        Assert.Equal(IndicatorStatus.OffTrack, page.Years[5].Status);
        Assert.True(page.Years[^1].Partial);
        Assert.Equal(94, page.Current.Value!.Value, 9);
        Assert.Equal(IndicatorStatus.OnTrack, page.Current.Status);
        Assert.Equal([2025, 2030], page.Chain.Select(t => t.TargetYear));
        Assert.Equal(OrgUnit.NationCode, page.ChainOwner!.Code);
        Assert.True(page.HasTarget);
        // Theil–Sen through 88, 89, 90, 91, 92 and 88,67 (2020–2025): ten of the fifteen slopes are 1,
        // so the median is 1 and the intercept −1932; 2027 gives 95, the 2030 target.
        Assert.Equal(1, page.Forecast!.Slope, 9);
        Assert.Equal(98, page.Forecast.Projected, 9);
        Assert.Equal(2027, page.Forecast.ReachedYear);
        Assert.Equal(ForecastOutcome.WillMeet, page.Forecast.Outcome);
        Assert.Equal(2020, page.Forecast.FromYear);
        Assert.Equal(2025, page.Forecast.ToYear);
        Assert.Equal(2030, page.Forecast.TargetYear);
    }

    [Fact]
    public async Task EachFigureCarriesTheCompletenessOfItsOwnElements()
    {
        var page = (await Service.GetAsync("CP03", Unit("01"), Period.ForYear(2025), Access("VN")))!;

        // Hà Nội's 2025 forms: 4 quarters × (CSC_SUPPORTED, CSC_TOTAL) × (MALE, FEMALE) = 16 cells;
        // 2025Q4 holds all four of them.
        Assert.Equal(new DataCompleteness(4, 16), page.Current.Completeness);
        Assert.Equal(new DataCompleteness(2, 16), page.Years.Single(y => y.Period.Year == 2024).Completeness);
        Assert.Equal(0.25, page.Current.Completeness!.Ratio);
    }

    [Fact]
    public async Task TheSexSplitRestrictsNumeratorAndDenominatorToTheSameSex()
    {
        var page = (await Service.GetAsync("CP03", Unit("01"), Period.ForYear(2025), Access("VN")))!;

        Assert.Equal(["MALE", "FEMALE"], page.BySex.Select(s => s.Option));
        Assert.Equal(93, page.BySex[0].Value!.Value, 9);
        Assert.Equal(80, page.BySex[1].Value!.Value, 9);
        Assert.Equal(50, page.BySex[1].Denominator);

        // CP07's numerator (ABUSE_SUPPORTED) is not entered by sex: no split.
        var abuse = (await Service.GetAsync("CP07", Unit("01"), Period.ForYear(2025), Access("VN")))!;
        Assert.Empty(abuse.BySex);
    }

    [Fact]
    public async Task WithoutTargetOrDataThePageSaysSoThroughEmptyParts()
    {
        var heart = (await Service.GetAsync("HRT01", Unit("01"), Period.ForYear(2025), Access("VN")))!;

        Assert.False(heart.HasTarget);
        Assert.Null(heart.ChainOwner);
        Assert.Null(heart.Forecast);
        Assert.Empty(heart.Years);
        Assert.Equal(IndicatorStatus.NoData, heart.Current.Status);
        Assert.Null(heart.Current.Value);
        Assert.Null(await Service.GetAsync("NOPE", Unit("01"), Period.ForYear(2025), Access("VN")));
    }

    [Fact]
    public async Task TheMergerHistoryNamesThePredecessors()
    {
        var laoCai = (await Service.GetAsync("CP03", Unit("15"), Period.ForYear(2025), Access("VN")))!;

        Assert.Equal(new DateOnly(2025, 7, 1), laoCai.Merger.MergerDate);
        Assert.Equal(["Lào Cai", "Yên Bái"], laoCai.Merger.Predecessors.Select(u => u.NameVi).Order());
        Assert.Equal(63, laoCai.Merger.ProvincesBefore);
        Assert.Equal(34, laoCai.Merger.ProvincesAfter);
        var hanoi = (await Service.GetAsync("CP03", Unit("01"), Period.ForYear(2025), Access("VN")))!;
        Assert.Empty(hanoi.Merger.Predecessors);
    }

    [Fact]
    public async Task TheProvincesOfThePeriodAreRankedAgainstTheirOwnTargets()
    {
        var comparison = (await Service.CompareProvincesAsync("CP03", Period.ForYear(2025), Access("VN")))!;

        Assert.Equal(34, comparison.Provinces.Count);
        Assert.Equal(new DateOnly(2025, 12, 31), comparison.UnitsOn);
        // The nation: (93 + 40 + 80 + 93) / (100 + 50 + 100 + 100).
        Assert.Equal(306.0 / 350 * 100, comparison.National.Value!.Value, 9);
        var byCode = comparison.Provinces.ToDictionary(p => p.Unit.Code);
        // Cần Thơ (new, with Sóc Trăng and Hậu Giang) 93 % ranks first; Hà Nội 88,67 %; TP. HCM 80 %.
        Assert.Equal(1, byCode["92"].Rank);
        Assert.Equal(2, byCode["01"].Rank);
        Assert.Equal(3, byCode["79"].Rank);
        Assert.Null(byCode["04"].Rank);
        Assert.Equal(IndicatorStatus.Achieved, byCode["92"].Figure.Status);
        // (80 − 87) / (90 − 87) against an expected 1: off track.
        Assert.Equal(IndicatorStatus.OffTrack, byCode["79"].Figure.Status);
        Assert.Equal(IndicatorStatus.NoData, byCode["04"].Figure.Status);
        Assert.Equal(IndicatorStatus.OffTrack, byCode["01"].Figure.Status);
        Assert.Equal(2, comparison.StatusCounts[IndicatorStatus.OffTrack]);

        Assert.Equal(["92", "01", "79"], comparison.Sorted(RankingOrder.Rank, false).Take(3).Select(p => p.Unit.Code));
        Assert.Equal(["79", "01", "92"], comparison.Sorted(RankingOrder.Value, false).Take(3).Select(p => p.Unit.Code));
        // Without a value a province stays last either way.
        Assert.Equal(["92", "01", "79"], comparison.Sorted(RankingOrder.Value, true).Take(3).Select(p => p.Unit.Code));
        // Worst status first; equal statuses by code.
        Assert.Equal(["01", "79", "92"], comparison.Sorted(RankingOrder.Status, true).Take(3).Select(p => p.Unit.Code));
        Assert.Null(comparison.Sorted(RankingOrder.Value, true)[^1].Figure.Value);
    }

    [Fact]
    public async Task BeforeTheMergerTheSixtyThreeProvincesAreCompared()
    {
        var comparison = (await Service.CompareProvincesAsync("CP03", Period.ForYear(2024), Access("VN")))!;

        Assert.Equal(63, comparison.Provinces.Count);
        Assert.Equal(["01"], comparison.Provinces.Where(p => p.Figure.Value is not null).Select(p => p.Unit.Code));
    }

    [Fact]
    public async Task AProvincialUserIsRefusedOtherProvincesAndTheComparison()
    {
        var hanoi = Access("01");

        await Assert.ThrowsAsync<DashboardScopeException>(() => Service.GetAsync("CP03", Unit("79"), Period.ForYear(2025), hanoi));
        await Assert.ThrowsAsync<DashboardScopeException>(() => Service.GetAsync("CP03", Catalogue.Units.Root!, Period.ForYear(2025), hanoi));
        await Assert.ThrowsAsync<DashboardScopeException>(() => Service.CompareProvincesAsync("CP03", Period.ForYear(2025), hanoi));
        Assert.Equal(94, (await Service.GetAsync("CP03", Unit("01"), Period.ForYear(2026), hanoi))!.Current.Value!.Value, 9);
    }
}
