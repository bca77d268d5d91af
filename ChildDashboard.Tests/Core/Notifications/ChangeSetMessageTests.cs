using System.Text;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Tests.Core.Notifications;

public class ChangeSetMessageTests : IAsyncLifetime
{
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

    private OrgUnit Unit(string code, int year) => _units.FindOpen(code, new DateOnly(year, 1, 1)) ?? throw new InvalidOperationException(code);

    [Fact]
    public void AChangeSetCrossesToAnotherServerWithItsUnitsAndPeriods()
    {
        var yenBai = Unit("15", 2024);
        var sent = ChangeSet.ForValues(_units, [(7, yenBai.Id, Period.Parse("2024Q1")), (8, yenBai.Id, Period.Parse("2024"))], "nhaplieu", DateTimeOffset.UnixEpoch);

        var text = ChangeSetMessage.Write(sent, "server-a", _units);
        var message = ChangeSetMessage.Read(text);
        var received = message?.ToChangeSet(_units);

        Assert.NotNull(received);
        Assert.Equal("server-a", received.Origin);
        Assert.Equal(sent.DataElementIds.Order(), received.DataElementIds.Order());
        Assert.Equal(sent.OrgUnitIds.Order(), received.OrgUnitIds.Order());
        Assert.Equal(["2024", "2024Q1"], received.Periods.Select(p => p.Code).Order());
        Assert.Equal(("nhaplieu", DateTimeOffset.UnixEpoch), (received.ChangedBy, received.ChangedAtUtc));
        Assert.False(message?.Subtrees);
    }

    [Fact]
    public void ThousandsOfCommunesTravelAsTheirProvinces()
    {
        // Stand-ins for communes: 3,000 unit ids, each under a province.
        var provinces = _units.OpenOn(new DateOnly(2026, 1, 1), 2).ToList();
        var communes = Enumerable.Range(0, 3000).Select(i => new OrgUnit
        {
            Id = 10_000 + i, Code = $"C{i}", NameVi = "xã", NameEn = "commune", Level = 3,
            ParentId = provinces[i % provinces.Count].Id, OpeningDate = new DateOnly(2025, 7, 1),
        }).ToList();
        var units = new OrgUnitDirectory(_units.All.Select(u => new OrgUnit
        {
            Id = u.Id, Code = u.Code, NameVi = u.NameVi, NameEn = u.NameEn, Level = u.Level, ParentId = u.ParentId,
            OpeningDate = u.OpeningDate, ClosedDate = u.ClosedDate, SuccessorId = u.SuccessorId,
        }).Concat(communes));
        var sent = ChangeSet.ForValues(units, communes.Select(c => (7, c.Id, Period.Parse("2026Q3"))), "phantich", DateTimeOffset.UnixEpoch);

        var text = ChangeSetMessage.Write(sent, "server-a", units);
        var message = ChangeSetMessage.Read(text);

        Assert.True(Encoding.UTF8.GetByteCount(text) <= ChangeSetMessage.MaxBytes);
        Assert.True(message?.Subtrees);
        Assert.Equal(provinces.Select(p => p.Id).Order(), message?.Units.Order());
        Assert.Superset(communes.Select(c => c.Id).ToHashSet(), message?.UnitsToRead(units).ToHashSet() ?? []);
        Assert.Equal(sent.OrgUnitIds.Order(), message?.ToChangeSet(units).OrgUnitIds.Intersect(sent.OrgUnitIds).Order());
    }

    [Fact]
    public void AChangeTooLargeEvenByProvinceMakesTheOthersReloadEverything()
    {
        var periods = Enumerable.Range(1950, 150).SelectMany(y => Enumerable.Range(1, 12).Select(m => Period.ForMonth(y, m)));
        var sent = ChangeSet.ForValues(_units, periods.Select(p => (7, Unit("01", 2024).Id, p)), "phantich", DateTimeOffset.UnixEpoch);

        var message = ChangeSetMessage.Read(ChangeSetMessage.Write(sent, "server-a", _units));

        Assert.Equal(ChangeKind.Everything, message?.Kind);
        Assert.True(message?.ToChangeSet(_units).TouchesPeriod(Period.Parse("2026")));
    }

    [Fact]
    public void AnUnreadableMessageIsNotAChangeSet()
    {
        Assert.Null(ChangeSetMessage.Read("{not json"));
    }
}
