using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using ChildDashboard.Core.Services.Reports;
using Microsoft.EntityFrameworkCore;
using Status = ChildDashboard.Core.Services.Reports.ReportNarrativeService.SaveStatus;

namespace ChildDashboard.Tests.Core.Exchange.Reports;

// The narrative of a report to the ministry: saved with its author and time, refused when it was
// edited from a version someone else has since replaced, written only by those who fill or approve
// the unit's forms; on both databases.
public abstract class ReportNarrativeTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider: provider);

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    private async Task<(ReportNarrativeService Service, OrgUnit Hanoi, Func<string, string, string, UserAccess> Access)> ArrangeAsync()
    {
        var catalogue = await new CatalogueCache(Database).GetAsync();
        var today = new DateOnly(2026, 11, 29);
        UserAccess Access(string name, string role, string scope) => new(name, [role], catalogue.Units.FindCurrent(scope, today)!, catalogue.Units);
        return (new ReportNarrativeService(Database, Database.Time), catalogue.Units.FindCurrent("01", today)!, Access);
    }

    [SkippableFact]
    public async Task ASecondSaveFromAStaleVersionIsRefusedWithTheOtherText()
    {
        var (service, hanoi, access) = await ArrangeAsync();
        var report = Period.Parse("2026S1");
        var staff = access("nhaplieu.hanoi", Roles.DataEntry, "01");
        var leader = access("lanhdao.hanoi", Roles.Leader, "01");

        var first = await service.SaveAsync(staff, hanoi, report, "Bản của cán bộ.", 0);
        var stale = await service.SaveAsync(leader, hanoi, report, "Bản của lãnh đạo.", 0);
        Database.Time.Advance(TimeSpan.FromMinutes(5));
        var deliberate = await service.SaveAsync(leader, hanoi, report, "Bản của lãnh đạo.", stale.Current.Version);
        var staleAgain = await service.SaveAsync(staff, hanoi, report, "Sửa lại.", first.Current.Version);

        Assert.Equal((Status.Saved, 1, "nhaplieu.hanoi"), (first.Status, first.Current.Version, first.Current.UpdatedBy));
        Assert.Equal((Status.Conflict, "Bản của cán bộ.", "nhaplieu.hanoi"), (stale.Status, stale.Current.Text, stale.Current.UpdatedBy));
        Assert.Contains("nhaplieu.hanoi", stale.Message, StringComparison.Ordinal);
        Assert.Equal((Status.Saved, 2), (deliberate.Status, deliberate.Current.Version));
        Assert.Equal((Status.Conflict, "Bản của lãnh đạo."), (staleAgain.Status, staleAgain.Current.Text));
        var stored = await service.GetAsync(hanoi, report);
        Assert.Equal(("Bản của lãnh đạo.", "lanhdao.hanoi", 2), (stored.Text, stored.UpdatedBy, stored.Version));
        Assert.Equal(TestDatabase.Today.AddMinutes(5), stored.UpdatedAt);
    }

    [SkippableFact]
    public async Task TheDatabaseTokenRefusesASaveThatRacedPastTheCheck()
    {
        var (_, hanoi, _) = await ArrangeAsync();
        await using (var db = Database.CreateDbContext())
        {
            db.ReportNarratives.Add(new ReportNarrative { OrgUnitId = hanoi.Id, Period = "2026", Text = "a", UpdatedBy = "x", Version = 1 });
            await db.SaveChangesAsync();
        }
        await using var mine = Database.CreateDbContext();
        await using var theirs = Database.CreateDbContext();
        var my = await mine.ReportNarratives.SingleAsync(n => n.OrgUnitId == hanoi.Id);
        var their = await theirs.ReportNarratives.SingleAsync(n => n.OrgUnitId == hanoi.Id);
        (their.Text, their.Version) = ("b", 2);
        await theirs.SaveChangesAsync();
        (my.Text, my.Version) = ("c", 2);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => mine.SaveChangesAsync());
    }

    [SkippableFact]
    public async Task OnlyThoseWhoFillOrApproveTheUnitsFormsMayWriteIt()
    {
        var (service, hanoi, access) = await ArrangeAsync();
        var report = Period.Parse("2026");

        Assert.Equal(Status.Forbidden, (await service.SaveAsync(access("a", Roles.Analyst, "01"), hanoi, report, "x", 0)).Status);
        Assert.Equal(Status.Forbidden, (await service.SaveAsync(access("b", Roles.DataEntry, "31"), hanoi, report, "x", 0)).Status);
        Assert.Equal(Status.Saved, (await service.SaveAsync(access("c", Roles.Leader, "VN"), hanoi, report, "x", 0)).Status);
        Assert.Equal(Status.Invalid, (await service.SaveAsync(access("d", Roles.DataEntry, "01"), hanoi, report, new string('x', ReportNarrative.MaxLength + 1), 1)).Status);
        Assert.Equal("x", (await service.GetAsync(hanoi, report)).Text);
    }
}

public sealed class ReportNarrativeOnSqliteTests() : ReportNarrativeTests(DatabaseProvider.Sqlite);

public sealed class ReportNarrativeOnPostgresTests() : ReportNarrativeTests(DatabaseProvider.PostgreSQL);
