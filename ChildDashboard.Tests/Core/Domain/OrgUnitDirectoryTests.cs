using ChildDashboard.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Tests.Core.Domain;

public class OrgUnitDirectoryTests : IAsyncLifetime
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestDatabase.Today.UtcDateTime);
    private TestDatabase? _database;
    private OrgUnitDirectory _units = new([]);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.CreateDbContext();
        _units = new OrgUnitDirectory(await db.OrgUnits.AsNoTracking().ToListAsync());
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    [Fact]
    public void CodeFifteenIsYenBaiIn2024AndTheNewLaoCaiIn2026()
    {
        var in2024 = _units.FindOpen("15", new DateOnly(2024, 6, 1));
        var in2026 = _units.FindOpen("15", new DateOnly(2026, 1, 1));

        Assert.Equal("Yên Bái", in2024?.NameVi);
        Assert.Equal("Lào Cai", in2026?.NameVi);
        Assert.NotEqual(in2024?.Id, in2026?.Id);
    }

    [Fact]
    public void TheLastDayBeforeTheMergerStillFindsTheOldProvince()
    {
        Assert.Equal("Yên Bái", _units.FindOpen("15", new DateOnly(2025, 6, 30))?.NameVi);
        Assert.Equal("Lào Cai", _units.FindOpen("15", new DateOnly(2025, 7, 1))?.NameVi);
    }

    [Fact]
    public void ABareCodeMeansTheUnitOpenToday()
    {
        Assert.Equal("Lào Cai", _units.FindCurrent("15", Today)?.NameVi);
        Assert.Equal(new DateOnly(2025, 7, 1), _units.FindCurrent("15", Today)?.OpeningDate);
    }

    [Fact]
    public void ABareCodeOfAClosedProvinceMeansTheOneThatClosedLast()
    {
        var binhDuong = _units.FindCurrent("74", Today);

        Assert.Equal("Bình Dương", binhDuong?.NameVi);
        Assert.Equal(new DateOnly(2025, 6, 30), binhDuong?.ClosedDate);
        Assert.Equal("79", binhDuong?.Successor?.Code);
        Assert.Equal(new DateOnly(2025, 7, 1), binhDuong?.Successor?.OpeningDate);
    }

    [Fact]
    public void ACodeAtADateResolvesToTheUnitOpenThatDay()
    {
        Assert.True(OrgUnitReference.TryParse("15@2024-01-01", out var reference, out _));
        Assert.Equal("Yên Bái", _units.Find(reference, Today)?.NameVi);
    }

    [Fact]
    public void NoUnitIsOpenBeforeTheFirstOpeningDate()
    {
        Assert.Null(_units.FindOpen("15", new DateOnly(2000, 1, 1)));
        Assert.Null(_units.FindOpen("99", Today));
    }

    [Fact]
    public void UnmergedProvincesStayTheSameUnit()
    {
        var haNoi2020 = _units.FindOpen("01", new DateOnly(2020, 1, 1));
        var haNoi2026 = _units.FindOpen("01", new DateOnly(2026, 1, 1));

        Assert.NotNull(haNoi2020);
        Assert.Same(haNoi2020, haNoi2026);
        Assert.NotNull(haNoi2026);
        Assert.Null(haNoi2026.ClosedDate);
    }

    [Fact]
    public void TheNewLaoCaiHasOldLaoCaiAndYenBaiAsPredecessors()
    {
        var laoCai = _units.FindCurrent("15", Today);
        Assert.NotNull(laoCai);

        var predecessors = _units.PredecessorsOf(laoCai).Select(u => u.NameVi).Order().ToList();

        Assert.Equal(["Lào Cai", "Yên Bái"], predecessors);
    }

    [Fact]
    public void SixtyThreeProvincesBeforeTheMergerAndThirtyFourAfter()
    {
        Assert.Equal(63, _units.OpenOn(new DateOnly(2025, 6, 30), 2).Count());
        Assert.Equal(34, _units.OpenOn(new DateOnly(2025, 7, 1), 2).Count());
        Assert.Equal("VN", _units.Root?.Code);
    }
}
