using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Tests.Core.Notifications;

public class ChangeSetTests : IAsyncLifetime
{
    private TestDatabase? _database;
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

    private OrgUnit Unit(string code, int year) => _units.FindOpen(code, new DateOnly(year, 1, 1)) ?? throw new InvalidOperationException(code);

    private ChangeSet ValueChange(string element, string unit, string period) =>
        ChangeSet.ForValues(_units, [(_elements[element].Id, Unit(unit, Period.Parse(period).Start.Year).Id, Period.Parse(period))], "staff", DateTimeOffset.UnixEpoch);

    [Fact]
    public void AChangeToYenBaiIn2024MovesYenBaiTheNewLaoCaiAndTheNation()
    {
        var changes = ValueChange("HEART_SURGERY", "15", "2024Q1");

        Assert.True(changes.TouchesUnit(Unit("15", 2024).Id));
        Assert.True(changes.TouchesUnit(Unit("15", 2026).Id));
        Assert.True(changes.TouchesUnit(Unit("VN", 2024).Id));
        Assert.False(changes.TouchesUnit(Unit("01", 2026).Id));
        Assert.False(changes.TouchesUnit(Unit("10", 2024).Id));
    }

    [Theory]
    [InlineData("2024Q1", "2024", true)]
    [InlineData("2024Q1", "2024Q1", true)]
    [InlineData("2024Q1", "2024S1", true)]
    [InlineData("2024Q1", "2024Q2", false)]
    [InlineData("2024Q1", "2025", false)]
    [InlineData("2025", "2025Q3", true)]
    [InlineData("2025", "2024", false)]
    public void APeriodIsTouchedWhenItOverlapsAChangedOne(string changed, string shown, bool touched)
    {
        var changes = ValueChange("POP_U5", "01", changed);

        Assert.Equal(touched, changes.TouchesPeriod(Period.Parse(shown)));
    }

    [Fact]
    public void AnIndicatorIsTouchedOnlyThroughItsOwnDataElements()
    {
        var changes = ValueChange("HEART_SURGERY", "01", "2025Q3");

        var touched = _indicators.Values.Where(i => changes.TouchesIndicator(i, _elements)).Select(i => i.Code).ToList();

        Assert.NotEmpty(touched);
        Assert.All(touched, code => Assert.Contains("HEART_SURGERY", _indicators[code].ElementCodes()));
        Assert.True(changes.Touches([_indicators[touched[0]]], _elements, Unit("VN", 2025).Id, Period.Parse("2025")));
        Assert.False(changes.Touches([_indicators[touched[0]]], _elements, Unit("VN", 2025).Id, Period.Parse("2024")));
    }

    [Fact]
    public void ATargetChangeTouchesItsIndicatorsInEveryUnitAndPeriod()
    {
        var changes = ChangeSet.ForTargets([_indicators["CP03"].Id], [Unit("VN", 2025).Id], "analyst", DateTimeOffset.UnixEpoch);

        Assert.True(changes.Touches([_indicators["CP03"]], _elements, Unit("01", 2026).Id, Period.Parse("2019")));
        Assert.False(changes.TouchesIndicator(_indicators["HRT01"], _elements));
    }
}
