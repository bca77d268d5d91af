using System.Globalization;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChildDashboard.Tests.Core.Services;

// Targets are checked (years in order, unit open in the target year) and audited like values: a
// batch for who and when, old and new per target, written with the targets or not at all.
public abstract class TargetImportServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Header = "indicator,orgunit,baseline_year,baseline_value,target_year,target_value,source\n";
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider: provider);

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    private async Task<ImportReport> ImportAsync(string csv, bool dryRun = false)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        var (rows, conflicts) = TargetCsv.Read(new StringReader(Header + csv));
        Assert.Empty(conflicts);
        var service = new TargetImportService(Database, new CatalogueCache(Database), new DataChangeNotifier(NullLogger<DataChangeNotifier>.Instance), Database.Time);
        return await service.ImportAsync(rows, new ImportContext("analyst", null, dryRun));
    }

    private async Task<(int Targets, List<TargetAudit> Audits, int Batches)> StoredAsync()
    {
        await using var db = Database.CreateDbContext();
        return (await db.Targets.CountAsync(), await db.TargetAudits.Include(a => a.Batch).OrderBy(a => a.Id).ToListAsync(), await db.AuditBatches.CountAsync());
    }

    [SkippableFact]
    public async Task ANewTargetAndItsReplacementAreAuditedWithOldAndNew()
    {
        var (targets, _, batches) = await StoredAsync();

        await ImportAsync("HRT01,01,2020,100,2030,200,first\n");
        var replaced = await ImportAsync("HRT01,01,2020,100,2030,240,second\n");

        Assert.Equal(1, replaced.ImportCount.Updated);
        var after = await StoredAsync();
        Assert.Equal(targets + 1, after.Targets);
        Assert.Equal(batches + 2, after.Batches);
        Assert.Collection(after.Audits,
            created =>
            {
                Assert.Equal(AuditAction.Create, created.Action);
                Assert.Null(created.OldTargetValue);
                Assert.Equal((2020, 100.0, 2030, 200.0, "first"), (created.NewBaselineYear, created.NewBaselineValue, created.TargetYear, created.NewTargetValue, created.NewSource));
                Assert.Equal("analyst", created.Batch?.ChangedBy);
                Assert.Equal(Database.Time.GetUtcNow().UtcDateTime, created.Batch?.ChangedAtUtc);
            },
            updated =>
            {
                Assert.Equal(AuditAction.Update, updated.Action);
                Assert.Equal((200.0, "first"), (updated.OldTargetValue, updated.OldSource));
                Assert.Equal((240.0, "second"), (updated.NewTargetValue, updated.NewSource));
            });
    }

    [SkippableFact]
    public async Task AnUnchangedTargetAndADryRunWriteNoAudit()
    {
        await ImportAsync("HRT01,79,,,2030,50,x\n");
        var before = await StoredAsync();

        var unchanged = await ImportAsync("HRT01,79,,,2030,50,x\n");
        var dryRun = await ImportAsync("HRT01,79,,,2030,60,x\nHRT01,79,,,2035,70,x\n", dryRun: true);

        Assert.Equal(1, unchanged.ImportCount.Ignored);
        Assert.Equal((1, 1), (dryRun.ImportCount.Imported, dryRun.ImportCount.Updated));
        var after = await StoredAsync();
        Assert.Equal((before.Targets, before.Audits.Count, before.Batches), (after.Targets, after.Audits.Count, after.Batches));
    }

    [SkippableFact]
    public async Task OneBadRowWritesNeitherTargetsNorAudit()
    {
        var before = await StoredAsync();

        var report = await ImportAsync("HRT01,01,,,2030,10,x\nHRT01,01,2031,5,2030,12,x\n");

        Assert.Equal("The target year (2030) must come after the baseline year (2031).", Assert.Single(report.Conflicts).Message);
        var after = await StoredAsync();
        Assert.Equal((before.Targets, before.Audits.Count, before.Batches), (after.Targets, after.Audits.Count, after.Batches));
    }

    [SkippableFact]
    public async Task AProvinceThatClosedMidYearMayHaveATargetForThatYearButNotLater()
    {
        var thatYear = await ImportAsync("HRT01,02,,,2025,10,x\n");
        var later = await ImportAsync("HRT01,02,,,2026,10,x\n");

        Assert.True(thatYear.Succeeded);
        Assert.Contains("closed after 2025-06-30, before the target year 2026; set the target for", Assert.Single(later.Conflicts).Message);
    }
}

public sealed class TargetImportServiceOnSqliteTests() : TargetImportServiceTests(DatabaseProvider.Sqlite);

public sealed class TargetImportServiceOnPostgresTests() : TargetImportServiceTests(DatabaseProvider.PostgreSQL);
