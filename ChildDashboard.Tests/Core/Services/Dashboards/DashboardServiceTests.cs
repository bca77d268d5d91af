using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using ChildDashboard.Core.Services.Dashboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Tests.Core.Services.Dashboards;

// The shared read model of the leaders' dashboards on a small hand-made data set: CP03 of Hà Nội
// is 88, 89, … 93 % in 2020–2025 and 94 % at the end of 2026Q3 (the test clock's 29/11/2026).
public sealed class DashboardServiceTests : IAsyncLifetime
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestDatabase.Today.Date);
    private TestDatabase? _database;
    private ValueStore? _store;
    private DashboardService? _service;
    private Catalogue? _catalogue;
    private readonly DataChangeNotifier _notifier = new(NullLogger<DataChangeNotifier>.Instance);

    private TestDatabase Database => _database!;
    private DashboardService Service => _service!;
    private Catalogue Catalogue => _catalogue!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using (var db = Database.CreateDbContext())
        {
            for (var year = 2020; year <= 2025; year++)
                await StoreCp03Async(db, "01", $"{year}Q4", year - 1932);
            await StoreCp03Async(db, "01", "2025Q3", 90);
            await StoreCp03Async(db, "01", "2026Q3", 94);
            foreach (var (period, count) in new[] { ("2025Q1", 10), ("2025Q2", 20), ("2025Q3", 30), ("2025Q4", 40), ("2026Q1", 5), ("2026Q2", 5), ("2026Q3", 5) })
                await StoreAsync(db, "HEART_SURGERY", "01", period, count);
            await StoreCp03Async(db, "79", "2026Q3", 80);
            await db.SaveChangesAsync();
        }
        var catalogues = new CatalogueCache(Database);
        _catalogue = await catalogues.GetAsync();
        _store = new ValueStore(new ValueTableLoader(Database), NullLogger<ValueStore>.Instance);
        var analytics = new AnalyticsService(catalogues, _store, Database.Time, Options.Create(new StatusOptions()));
        _service = new DashboardService(catalogues, analytics, _notifier, Database.Time, NullLogger<DashboardService>.Instance);
    }

    private static async Task StoreCp03Async(AppDbContext db, string code, string period, double percent)
    {
        await StoreAsync(db, "CSC_SUPPORTED", code, period, percent);
        await StoreAsync(db, "CSC_TOTAL", code, period, 100);
    }

    private static async Task StoreAsync(AppDbContext db, string element, string code, string period, double value)
    {
        var units = new OrgUnitDirectory(await db.OrgUnits.AsNoTracking().ToListAsync());
        db.DataValues.Add(new DataValue
        {
            DataElementId = (await db.DataElements.SingleAsync(e => e.Code == element)).Id,
            OrgUnitId = units.FindOpen(code, Period.Parse(period).Start)!.Id, Period = period, OptionCode = "MALE", Value = value,
        });
    }

    private OrgUnit Unit(string code) => Catalogue.Units.FindCurrent(code, Today)!;

    private UserAccess Access(string scope, string role = Roles.Leader) => new("u", [role], Unit(scope), Catalogue.Units);

    [Fact]
    public async Task ARowHoldsTheValueTargetLastYearTrendAndForecast()
    {
        var dashboard = await Service.GetAsync(Unit("01"), Period.ForYear(2026), Access("VN"));

        Assert.True(dashboard.IsPartial);
        Assert.Equal(Period.ForQuarter(2026, 3), dashboard.DataThrough);
        Assert.Equal(Enumerable.Range(2018, 8), dashboard.TrendYears);
        var row = dashboard.Rows.Single(r => r.Indicator.Code == "CP03");
        Assert.Equal(94, row.Value!.Value, 9);
        Assert.Equal(87, row.Baseline);
        Assert.Equal(95, row.Target);
        Assert.Equal(2030, row.TargetYear);
        // (94 − 87) / (95 − 87) against (2026 − 2017) / 13.
        Assert.Equal(7.0 / 8, row.Progress!.Value, 9);
        Assert.Equal(9.0 / 13, row.Expected!.Value, 9);
        Assert.Equal(IndicatorStatus.OnTrack, row.Status);
        // Not over yet: a stock compares with the same point of last year (2025Q3), not with 2025's end.
        Assert.Equal(90, row.LastYearValue!.Value, 9);
        Assert.Equal(4, row.Change!.Value, 9);
        Assert.True(row.ChangeIsGood);
        Assert.Equal([null, null, 88, 89, 90, 91, 92, 93], row.Trend.Select(v => v is { } x ? Math.Round(x, 9) : (double?)null));
        Assert.Equal(2027, row.Forecast!.ReachedYear);
        Assert.Equal(ForecastOutcome.WillMeet, row.Forecast.Outcome);
        Assert.Equal(2020, row.Forecast.FromYear);

        // Events add up over the same quarters: 5 + 5 + 5 against 10 + 20 + 30.
        var heart = dashboard.Rows.Single(r => r.Indicator.Code == "HRT01");
        Assert.Equal(15, heart.Value);
        Assert.Equal(60, heart.LastYearValue);
        Assert.Equal(-45, heart.Change);
        Assert.False(heart.ChangeIsGood);
        Assert.Equal(IndicatorStatus.NoTarget, heart.Status);
        Assert.Null(heart.Target);
        var abuse = dashboard.Rows.Single(r => r.Indicator.Code == "CP04");
        Assert.Equal(IndicatorStatus.NoData, abuse.Status);
        Assert.Equal(Catalogue.Indicators.Count, dashboard.Rows.Count);
        Assert.Equal(Catalogue.Indicators.Count, dashboard.StatusCounts.Values.Sum());
        Assert.Equal(1, dashboard.StatusCounts[IndicatorStatus.OnTrack]);
    }

    [Fact]
    public async Task APastYearIsWholeAndItsTrendEndsWithIt()
    {
        var dashboard = await Service.GetAsync(Unit("01"), Period.ForYear(2024), Access("VN"));

        Assert.False(dashboard.IsPartial);
        Assert.Null(dashboard.DataThrough);
        Assert.Equal(2024, dashboard.TrendYears[^1]);
        var row = dashboard.Rows.Single(r => r.Indicator.Code == "CP03");
        Assert.Equal(92, row.Value!.Value, 9);
        Assert.Equal(91, row.LastYearValue!.Value, 9);
    }

    [Fact]
    public async Task AProvincialLeaderIsRefusedAnotherProvinceButReadsItsOwnAndItsHistory()
    {
        var hanoi = Access("01");

        var refused = await Assert.ThrowsAsync<DashboardScopeException>(() =>
            Service.GetAsync(Unit("79"), Period.ForYear(2026), hanoi));
        Assert.Contains("nằm ngoài phạm vi của bạn", refused.Message);
        await Assert.ThrowsAsync<DashboardScopeException>(() => Service.GetAsync(Catalogue.Units.Root!, Period.ForYear(2026), hanoi));
        Assert.Equal(94, (await Service.GetAsync(Unit("01"), Period.ForYear(2026), hanoi)).Rows.Single(r => r.Indicator.Code == "CP03").Value!.Value, 9);

        var laoCai = Access("15");
        var yenBai = Catalogue.Units.FindOpen("15", new DateOnly(2024, 1, 1))!;
        Assert.Equal(yenBai, (await Service.GetAsync(yenBai, Period.ForYear(2024), laoCai)).Unit);
        await Assert.ThrowsAsync<DashboardScopeException>(() =>
            Service.GetAsync(Catalogue.Units.FindOpen("02", new DateOnly(2024, 1, 1))!, Period.ForYear(2024), laoCai));
    }

    [Fact]
    public async Task ManyReadersOfOneScopeShareOneComputationAndAChangeComputesItOnceForAllWatchers()
    {
        var hanoi = Unit("01");
        var year = Period.ForYear(2026);
        var first = await Service.GetAsync(hanoi, year, Access("VN"));
        var again = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Service.GetAsync(hanoi, year, Access("01"))));
        Assert.All(again, d => Assert.Same(first, d));
        Assert.Equal(1, Service.Computations);

        var received = new List<Dashboard>();
        var watchers = Enumerable.Range(0, 20).Select(_ => Service.Watch(hanoi, year, (d, _) =>
        {
            lock (received)
                received.Add(d);
            return Task.CompletedTask;
        })).ToList();
        var computations = Service.Computations;

        await ChangeCp03Async("01", "2026Q3", 96);

        await WaitUntilAsync(() => received.Count == 20);
        Assert.Equal(computations + 1, Service.Computations);
        Assert.All(received, d => Assert.Same(received[0], d));
        Assert.Equal(96, received[0].Rows.Single(r => r.Indicator.Code == "CP03").Value!.Value, 9);
        Assert.Same(received[0], await Service.GetAsync(hanoi, year, Access("VN")));
        watchers.ForEach(w => w.Dispose());
        Assert.Equal(0, Service.WatcherCount);
    }

    [Fact]
    public async Task AChangeElsewhereOrBeforeWhatTheDashboardReadsLeavesItAndItsWatchersAlone()
    {
        var hanoi = Unit("01");
        var year = Period.ForYear(2026);
        var dashboard = await Service.GetAsync(hanoi, year, Access("VN"));
        var calls = 0;
        using var watcher = Service.Watch(hanoi, year, (_, _) =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        });
        var nationCalls = 0;
        using var nation = Service.Watch(Catalogue.Units.Root!, year, (_, _) =>
        {
            Interlocked.Increment(ref nationCalls);
            return Task.CompletedTask;
        });
        await Service.GetAsync(Catalogue.Units.Root!, year, Access("VN"));

        // Hồ Chí Minh City: the nation's figure moves, Hà Nội's does not. 2010: before every year
        // CP03 (the only indicator of CSC_SUPPORTED) read.
        await ChangeCp03Async("79", "2026Q3", 81);
        await ChangeCp03Async("01", "2010Q4", 50, supportedOnly: true);

        await WaitUntilAsync(() => nationCalls == 1);
        await Task.Delay(200);
        Assert.Equal(0, calls);
        Assert.Same(dashboard, await Service.GetAsync(hanoi, year, Access("VN")));
        Assert.True(dashboard.Rows.Single(r => r.Indicator.Code == "CP03").DependsFrom > new DateOnly(2010, 12, 31));
    }

    [Fact]
    public async Task AChangeThatMovesAStatusIsRecordedWithWhoAndWhenForWatchedAndUnwatchedDashboards()
    {
        var hanoi = Unit("01");
        var year = Period.ForYear(2026);
        var quarter = Period.ForQuarter(2026, 3);
        Assert.Equal(IndicatorStatus.OnTrack, (await Service.GetAsync(hanoi, year, Access("VN"))).Rows.Single(r => r.Indicator.Code == "CP03").Status);
        Assert.Equal(IndicatorStatus.OnTrack, (await Service.GetAsync(hanoi, quarter, Access("VN"))).Rows.Single(r => r.Indicator.Code == "CP03").Status);
        var received = 0;
        using var watcher = Service.Watch(hanoi, year, (_, _) =>
        {
            Interlocked.Increment(ref received);
            return Task.CompletedTask;
        });

        // 80 %: progress (80 − 87) ÷ (95 − 87) is below zero, far behind the 2030 trajectory.
        await ChangeCp03Async("01", "2026Q3", 80);
        await WaitUntilAsync(() => received == 1);

        var change = Assert.Single(Service.StatusChanges(hanoi, year));
        Assert.Equal(("CP03", IndicatorStatus.OnTrack, IndicatorStatus.OffTrack, "test", TestDatabase.Today),
            (change.Indicator.Code, change.From, change.To, change.ChangedBy, change.ChangedAtUtc));
        // Nobody watches the quarter: its change is told when it is next computed.
        Assert.Empty(Service.StatusChanges(hanoi, quarter));
        await Service.GetAsync(hanoi, quarter, Access("VN"));
        Assert.Equal(IndicatorStatus.OffTrack, Assert.Single(Service.StatusChanges(hanoi, quarter)).To);
        // A change that moves no status adds nothing.
        await ChangeCp03Async("01", "2026Q3", 81);
        await WaitUntilAsync(() => received == 2);
        Assert.Single(Service.StatusChanges(hanoi, year));
        Assert.Empty(Service.StatusChanges(Unit("79"), year));
    }

    // What a write does after its commit: the analytics store, then the change set.
    private async Task ChangeCp03Async(string code, string period, double percent, bool supportedOnly = false)
    {
        var p = Period.Parse(period);
        var unit = Catalogue.Units.FindOpen(code, p.Start)!;
        var element = Catalogue.ElementsByCode["CSC_SUPPORTED"].Id;
        var total = Catalogue.ElementsByCode["CSC_TOTAL"].Id;
        await _store!.WarmUpAsync();
        _store.Apply(supportedOnly ? [new StoredValue(element, unit.Id, p, "MALE", percent)]
            : [new StoredValue(element, unit.Id, p, "MALE", percent), new StoredValue(total, unit.Id, p, "MALE", 100)]);
        _notifier.Publish(ChangeSet.ForValues(Catalogue.Units,
            supportedOnly ? [(element, unit.Id, p)] : [(element, unit.Id, p), (total, unit.Id, p)], "test", TestDatabase.Today));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
            await Task.Delay(20);
        Assert.True(condition());
    }

    public async Task DisposeAsync()
    {
        _service?.Dispose();
        _store?.Dispose();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
