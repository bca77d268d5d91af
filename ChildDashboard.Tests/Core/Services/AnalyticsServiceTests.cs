using System.Globalization;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Tests.Core.Services;

public abstract class AnalyticsServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private ValueStore? _store;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider: provider);
        await using var db = Database.CreateDbContext();
        // CP03 = CSC_SUPPORTED / CSC_TOTAL × 100 (stocks): old Lào Cai and Yên Bái in 2023.
        await StoreAsync(db, "CSC_SUPPORTED", "10@2023-01-01", "2023Q4", 500);
        await StoreAsync(db, "CSC_TOTAL", "10@2023-01-01", "2023Q4", 600);
        await StoreAsync(db, "CSC_SUPPORTED", "15@2023-01-01", "2023Q4", 388);
        await StoreAsync(db, "CSC_TOTAL", "15@2023-01-01", "2023Q4", 400);
        await StoreAsync(db, "HEART_SURGERY", "01", "2026Q1", 12);
        await db.SaveChangesAsync();
    }

    private static async Task StoreAsync(ChildDashboard.Core.Persistence.AppDbContext db, string element, string unit, string period, double value)
    {
        Assert.True(OrgUnitReference.TryParse(unit, out var reference, out _));
        var units = new OrgUnitDirectory(await db.OrgUnits.AsNoTracking().ToListAsync());
        db.DataValues.Add(new DataValue
        {
            DataElementId = (await db.DataElements.SingleAsync(e => e.Code == element)).Id,
            OrgUnitId = units.Find(reference, new DateOnly(2026, 11, 29))!.Id,
            Period = period, Value = value,
        });
    }

    public async Task DisposeAsync()
    {
        _store?.Dispose();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    private AnalyticsService Service()
    {
        _store ??= new ValueStore(new ValueTableLoader(Database), NullLogger<ValueStore>.Instance);
        return new AnalyticsService(new CatalogueCache(Database), _store, Database.Time, Options.Create(new StatusOptions()));
    }

    private async Task<AnalyticsResult> QueryAsync(string[] indicators, string[] units, string[] periods, string? scope = null)
    {
        var catalogue = await new CatalogueCache(Database).GetAsync();
        var scopeUnit = scope is null ? null : catalogue.Units.FindCurrent(scope, new DateOnly(2026, 11, 29));
        return await Service().QueryAsync(new AnalyticsQuery(indicators, units, periods), scopeUnit);
    }

    [SkippableFact]
    public async Task TheNewLaoCaiIn2023SumsItsPredecessorsAndInheritsTheNationalTarget()
    {
        var result = await QueryAsync(["CP03"], ["15"], ["2023"]);

        var row = Assert.Single(result.Rows);
        Assert.Equal(888, row.Numerator);
        Assert.Equal(1000, row.Denominator);
        Assert.Equal(88.8, row.Value!.Value, 12);
        Assert.Equal(87, row.Baseline);
        Assert.Equal(90, row.Target);
        Assert.Equal(0.6, row.Progress!.Value, 9);
        Assert.Equal(0.75, row.Expected);
        Assert.Equal(IndicatorStatus.AtRisk, row.Status);
        Assert.Equal("15", row.OrgUnit);
        Assert.False(row.Partial);
    }

    [SkippableFact]
    public async Task YenBaiIsAskedForWithItsDateAndEchoedAsAsked()
    {
        var result = await QueryAsync(["CP03"], ["15@2024-01-01"], ["2023"]);

        var row = Assert.Single(result.Rows);
        Assert.Equal("15@2024-01-01", row.OrgUnit);
        Assert.Equal(97, row.Value!.Value, 12);
        Assert.Equal(IndicatorStatus.Achieved, row.Status);
    }

    [SkippableFact]
    public async Task AllIndicatorsForEveryUnitAndPeriod()
    {
        var result = await QueryAsync(["ALL"], ["VN", "01"], ["2023", "2024"]);

        Assert.Equal(39 * 2 * 2, result.Rows.Count);
        Assert.Equal(IndicatorStatus.NoData, result.Rows.First(r => r.Indicator == "HRT01").Status);
    }

    [SkippableFact]
    public async Task AYearNotOverYetIsMarkedPartial()
    {
        var row = Assert.Single((await QueryAsync(["HRT01"], ["01"], ["2026"])).Rows);

        Assert.Equal(12, row.Value);
        Assert.True(row.Partial);
    }

    [SkippableFact]
    public async Task BadParametersAreReportedAndNothingIsAnswered()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        var result = await QueryAsync(["CP03", "NOPE"], ["15@2000-01-01", "99"], ["2023", "2023Q5"]);

        Assert.Empty(result.Rows);
        Assert.Contains("Unknown indicator 'NOPE'.", result.Errors);
        Assert.Contains("No unit with code '15' was open on 2000-01-01.", result.Errors);
        Assert.Contains("Unknown unit code '99'.", result.Errors);
        Assert.Contains(result.Errors, e => e.Contains("2023Q5"));
    }

    [SkippableFact]
    public async Task AProvinceUserReadsItsProvinceAndItsHistoryButNoOther()
    {
        var own = await QueryAsync(["CP03"], ["15", "15@2024-01-01", "10@2024-01-01"], ["2023"], scope: "15");
        CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var other = await QueryAsync(["CP03"], ["01"], ["2023"], scope: "15");
        var nation = await QueryAsync(["CP03"], ["VN"], ["2023"], scope: "15");

        Assert.True(own.IsValid);
        Assert.Equal(["Đơn vị '01' nằm ngoài phạm vi của bạn (15)."], other.Errors);
        Assert.False(nation.IsValid);
    }

    [SkippableFact]
    public async Task AProvinceWithItsOwnTargetUsesItsWholeChainNotTheNations()
    {
        await using (var db = Database.CreateDbContext())
        {
            var cp03 = await db.Indicators.SingleAsync(i => i.Code == "CP03");
            var laoCai = await db.OrgUnits.SingleAsync(u => u.Code == "15" && u.ClosedDate == null);
            db.Targets.Add(new Target { IndicatorId = cp03.Id, OrgUnitId = laoCai.Id, TargetYear = 2030, TargetValue = 99, BaselineYear = 2020, BaselineValue = 80 });
            await db.SaveChangesAsync();
        }

        var row = Assert.Single((await QueryAsync(["CP03"], ["15"], ["2023"])).Rows);

        // Not VN's 2025 target of 90: the province's chain holds only 2030.
        Assert.Equal((99.0, 2030), (row.Target, row.TargetYear));
        Assert.Equal(80, row.Baseline);
        Assert.Equal(0.3, row.Expected!.Value, 12);
    }

    [SkippableFact]
    public async Task ASavedValueIsAnsweredAtOnce()
    {
        Assert.Equal(12, Assert.Single((await QueryAsync(["HRT01"], ["01"], ["2026"])).Rows).Value);
        var catalogue = await new CatalogueCache(Database).GetAsync();

        _store!.Apply([new StoredValue(catalogue.ElementsByCode["HEART_SURGERY"].Id, catalogue.Units.FindCurrent("01", new DateOnly(2026, 1, 1))!.Id, Period.Parse("2026Q2"), "MALE", 5)]);

        Assert.Equal(17, Assert.Single((await QueryAsync(["HRT01"], ["01"], ["2026"])).Rows).Value);
    }
}

public sealed class AnalyticsServiceOnSqliteTests() : AnalyticsServiceTests(DatabaseProvider.Sqlite);

public sealed class AnalyticsServiceOnPostgresTests() : AnalyticsServiceTests(DatabaseProvider.PostgreSQL);
