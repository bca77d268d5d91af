using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Tests.Core.Analytics;

// Hand-computed cases of domain.md §1 and §3 around the 2025 merger: the new Lào Cai ("15" from
// 2025-07-01) absorbed the old Lào Cai ("10") and Yên Bái ("15" until 2025-06-30).
public class IndicatorCalculatorTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private TestDatabase? _database;
    private readonly List<StoredValue> _values = [];
    private OrgUnitDirectory _units = new([]);
    private Dictionary<string, DataElement> _elements = [];
    private Dictionary<string, Indicator> _indicators = [];

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.CreateDbContext();
        _units = new OrgUnitDirectory(await db.OrgUnits.AsNoTracking().ToListAsync());
        _elements = await db.DataElements.AsNoTracking().ToDictionaryAsync(e => e.Code);
        _indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    private OrgUnit OldLaoCai => Unit("10@2024-01-01");
    private OrgUnit YenBai => Unit("15@2024-01-01");
    private OrgUnit NewLaoCai => Unit("15");
    private OrgUnit HaNoi => Unit("01");
    private OrgUnit Nation => Unit("VN");

    private OrgUnit Unit(string reference)
    {
        Assert.True(OrgUnitReference.TryParse(reference, out var parsed, out _));
        return _units.Find(parsed, Today) ?? throw new InvalidOperationException($"No unit {reference}.");
    }

    private void Store(string element, OrgUnit unit, string period, double value, string option = "default") =>
        _values.Add(new StoredValue(_elements[element].Id, unit.Id, Period.Parse(period), option, value));

    private IndicatorCalculator Calculator() => new(_units, _elements, new ValueTable(_values));

    private double? Aggregate(string element, OrgUnit unit, string period) =>
        Calculator().Aggregate(_elements[element], null, unit, Period.Parse(period));

    private IndicatorValue Evaluate(string indicator, OrgUnit unit, string period) =>
        Calculator().Evaluate(_indicators[indicator], unit, Period.Parse(period));

    [Fact]
    public void TheNewLaoCaiBefore2025SumsItsPredecessors()
    {
        Store("POP_U16", OldLaoCai, "2024", 300_000);
        Store("POP_U16", YenBai, "2024", 250_000);

        Assert.Equal(550_000, Aggregate("POP_U16", NewLaoCai, "2024"));
        Assert.Equal(250_000, Aggregate("POP_U16", YenBai, "2024"));
    }

    [Fact]
    public void YearlyValuesOf2025BelongToTheOldProvinces()
    {
        Store("POP_U16", OldLaoCai, "2025", 301_000);
        Store("POP_U16", YenBai, "2025", 251_000);

        Assert.Equal(552_000, Aggregate("POP_U16", NewLaoCai, "2025"));
        Assert.Equal(552_000, Aggregate("POP_U16", NewLaoCai, "2025Q3"));
        // Yên Bái is asked for a quarter it still existed in: its own 2025 yearly value.
        Assert.Equal(251_000, Aggregate("POP_U16", YenBai, "2025Q2"));
    }

    [Fact]
    public void AClosedProvinceHasNoValueForPeriodsEndingAfterItClosed()
    {
        Store("HEART_SURGERY", YenBai, "2025Q1", 4);
        Store("HEART_SURGERY", YenBai, "2025Q2", 6);

        Assert.Null(Evaluate("HRT01", YenBai, "2025").Value);
        Assert.Null(Evaluate("HRT01", YenBai, "2025Q3").Value);
        Assert.Equal(6, Evaluate("HRT01", YenBai, "2025Q2").Value);
        Assert.Equal(10, Evaluate("HRT01", YenBai, "2025S1").Value);
    }

    [Fact]
    public void FlowsAcrossTheMergerAddUpWithoutDoubleCounting()
    {
        Store("HEART_SURGERY", OldLaoCai, "2025Q1", 1);
        Store("HEART_SURGERY", YenBai, "2025Q2", 2);
        Store("HEART_SURGERY", NewLaoCai, "2025Q3", 4);
        Store("HEART_SURGERY", NewLaoCai, "2025Q4", 8);
        Store("HEART_SURGERY", HaNoi, "2025Q1", 16);

        Assert.Equal(15, Evaluate("HRT01", NewLaoCai, "2025").Value);
        Assert.Equal(31, Evaluate("HRT01", Nation, "2025").Value);
        Assert.Equal(3, Evaluate("HRT01", NewLaoCai, "2025S1").Value);
    }

    [Fact]
    public void TheNewLaoCaiBeforeItOpenedIsItsPredecessorsQuarter()
    {
        Store("HEART_SURGERY", OldLaoCai, "2025Q2", 3);
        Store("HEART_SURGERY", YenBai, "2025Q2", 4);

        Assert.Equal(7, Evaluate("HRT01", NewLaoCai, "2025Q2").Value);
        Assert.Null(Evaluate("HRT01", NewLaoCai, "2025Q3").Value);
    }

    [Fact]
    public void StocksTakeTheLatestValueAndTheSuccessorCarriesThemOn()
    {
        Store("CSC_TOTAL", OldLaoCai, "2025Q2", 100, "MALE");
        Store("CSC_TOTAL", OldLaoCai, "2025Q2", 90, "FEMALE");
        Store("CSC_TOTAL", YenBai, "2025Q2", 150);
        Store("CSC_TOTAL", NewLaoCai, "2025Q4", 400);

        Assert.Equal(400, Aggregate("CSC_TOTAL", NewLaoCai, "2025"));
        Assert.Equal(340, Aggregate("CSC_TOTAL", NewLaoCai, "2025S1"));
        Assert.Equal(400, Aggregate("CSC_TOTAL", Nation, "2025"));
    }

    [Fact]
    public void AClosedUnitsStockCountsWhenItsSuccessorHasNoValueYet()
    {
        Store("CSC_TOTAL", OldLaoCai, "2025Q2", 190);
        Store("CSC_TOTAL", YenBai, "2025Q2", 150);

        Assert.Equal(340, Aggregate("CSC_TOTAL", NewLaoCai, "2025"));
    }

    [Fact]
    public void MissingDataOrAZeroDenominatorGivesNoValue()
    {
        Store("CSC_SUPPORTED", HaNoi, "2024Q4", 50);
        Store("CSC_TOTAL", HaNoi, "2023Q4", 0);

        Assert.Null(Evaluate("CP03", HaNoi, "2024").Value);
        Assert.Equal(50, Evaluate("CP03", HaNoi, "2024").Numerator);
        Assert.Null(Evaluate("CP03", HaNoi, "2023").Value);
        Assert.Equal(0, Evaluate("CP03", HaNoi, "2023").Denominator);
        Assert.Null(Evaluate("HRT01", HaNoi, "2024").Value);
    }

    [Fact]
    public void AStoredZeroIsData()
    {
        Store("HEART_SURGERY", HaNoi, "2024Q1", 0);

        Assert.Equal(0, Evaluate("HRT01", HaNoi, "2024").Value);
    }

    [Fact]
    public void ASumOfCodesCountsAMissingCodeAsZeroWhenAnotherHasData()
    {
        Store("CL_SUPPORTED", HaNoi, "2024Q1", 45);
        Store("CL_IDENTIFIED", HaNoi, "2024Q1", 60);

        var cl02 = Evaluate("CL02", HaNoi, "2024Q1");

        Assert.Equal(60, cl02.Denominator);
        Assert.Equal(75, cl02.Value);
    }

    [Fact]
    public void AnnualizedRatesScaleAQuarterToAYear()
    {
        Store("INJ_CASES", HaNoi, "2025Q2", 100);
        Store("POP_U16", HaNoi, "2025", 1_000_000);

        var value = Evaluate("INJ01", HaNoi, "2025Q2").Value;

        Assert.Equal(100_000.0 * 100 / 1_000_000 * 365 / 91, value);
    }

    [Fact]
    public void AQuarterlyElementHasNoValueForAMonth()
    {
        Store("HEART_SURGERY", HaNoi, "2025Q1", 9);

        Assert.Null(Aggregate("HEART_SURGERY", HaNoi, "202501"));
    }
}
