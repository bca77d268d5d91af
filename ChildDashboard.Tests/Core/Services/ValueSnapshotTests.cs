using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChildDashboard.Tests.Core.Services;

// A start from the saved analytics table: it must give exactly what the database holds.
public abstract class ValueSnapshotTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Header = "dataelement,period,orgunit,categoryoptioncombo,value,comment,deleted\n";
    private readonly string _folder = Directory.CreateTempSubdirectory("cd-snapshot-").FullName;
    private readonly List<IAsyncDisposable> _databases = [];

    private ValueSnapshotFile Snapshot => new(Path.Combine(_folder, "analytics.values"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
            await database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void ATableReadBackFromItsFileAnswersTheSame()
    {
        var year = Period.ForYear(2025);
        var table = new ValueTable([
            new StoredValue(3, 17, year, "MALE", 4), new StoredValue(3, 17, year, "FEMALE", 5),
            new StoredValue(9, 2, Period.ForQuarter(2025, 3), "default", 1.5), new StoredValue(9, 40, Period.ForQuarter(2025, 3), "default", 0),
        ]);
        var stamp = new ValueTableStamp(12, 3, 638_000_000_000_000_000, 99);
        Snapshot.Write(table, stamp);

        var (read, readStamp) = Snapshot.TryRead() ?? throw new InvalidOperationException("Not read.");

        Assert.Equal(stamp, readStamp);
        Assert.Equal(4, read.Count);
        Assert.Equal(9, read.Get(3, 17, year, null));
        Assert.Equal(4, read.Get(3, 17, year, "MALE"));
        Assert.Equal(0, read.Get(9, 40, Period.ForQuarter(2025, 3), null));
        Assert.Null(read.Get(9, 41, Period.ForQuarter(2025, 3), null));
    }

    [Fact]
    public async Task ATruncatedOrForeignFileIsNotUsed()
    {
        Snapshot.Write(new ValueTable([new StoredValue(1, 1, Period.ForYear(2025), "default", 1)]), ValueTableStamp.Empty);
        var bytes = await File.ReadAllBytesAsync(Snapshot.Path);
        await File.WriteAllBytesAsync(Snapshot.Path, bytes[..^4]);
        Assert.Null(Snapshot.TryRead());

        await File.WriteAllTextAsync(Snapshot.Path, "not a snapshot");
        Assert.Null(Snapshot.TryRead());
    }

    [SkippableFact]
    public async Task AStartCatchesUpFromTheAuditTrailWithChangesMadeSinceTheSnapshot()
    {
        var database = await DatabaseAsync();
        await ImportAsync(database, "HEART_SURGERY,2025Q3,15,MALE,4,,\nHEART_SURGERY,2025Q3,15,FEMALE,3,,\nPOP_U5,2025,01,,120000,,\n");
        using (var first = new ValueStore(new ValueTableLoader(database), NullLogger<ValueStore>.Instance, Snapshot))
            await first.WarmUpAsync();
        Assert.True(File.Exists(Snapshot.Path));

        await ImportAsync(database, "HEART_SURGERY,2025Q3,15,MALE,6,,\nHEART_SURGERY,2025Q3,15,FEMALE,,,true\nABANDONED,2025Q3,01,,17,,\n");

        var log = new ListLogger<ValueStore>();
        using var second = new ValueStore(new ValueTableLoader(database), log, Snapshot);
        await second.WarmUpAsync();

        Assert.Contains(log.Entries, e => e.Message.Contains("from the snapshot", StringComparison.Ordinal));
        await AssertHoldsTheDatabaseAsync(database, second);
    }

    [SkippableFact]
    public async Task ASnapshotOfAnotherDatabaseIsNotUsed()
    {
        var other = await DatabaseAsync();
        await ImportAsync(other, "HEART_SURGERY,2025Q3,15,MALE,4,,\nHEART_SURGERY,2025Q3,15,FEMALE,3,,\n");
        using (var first = new ValueStore(new ValueTableLoader(other), NullLogger<ValueStore>.Instance, Snapshot))
            await first.WarmUpAsync();

        var database = await DatabaseAsync();
        database.Time.Advance(TimeSpan.FromMinutes(3));
        await ImportAsync(database, "HEART_SURGERY,2025Q3,15,MALE,40,,\nHEART_SURGERY,2025Q3,15,FEMALE,30,,\nPOP_U5,2025,01,,120000,,\n");
        var log = new ListLogger<ValueStore>();
        using var store = new ValueStore(new ValueTableLoader(database), log, Snapshot);
        await store.WarmUpAsync();

        Assert.Contains(log.Entries, e => e.Message.Contains("from the database", StringComparison.Ordinal));
        await AssertHoldsTheDatabaseAsync(database, store);
    }

    [SkippableFact]
    public async Task AChangeMadeBehindTheAppsBackIsReplacedByTheBackgroundReRead()
    {
        var database = await DatabaseAsync();
        await ImportAsync(database, "HEART_SURGERY,2025Q3,15,MALE,4,,\n");
        using (var first = new ValueStore(new ValueTableLoader(database), NullLogger<ValueStore>.Instance, Snapshot))
            await first.WarmUpAsync();
        await using (var db = database.CreateDbContext())
            await db.DataValues.ExecuteUpdateAsync(s => s.SetProperty(v => v.Value, 9));

        var log = new ListLogger<ValueStore>();
        using var store = new ValueStore(new ValueTableLoader(database), log, new ValueSnapshotFile(Snapshot.Path) { ReReadAfter = TimeSpan.Zero });
        await store.WarmUpAsync();

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (log.Entries.Count(e => e.Message.StartsWith("Analytics loaded", StringComparison.Ordinal)) < 2)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The background re-read never finished.");
            await Task.Delay(20);
        }
        await AssertHoldsTheDatabaseAsync(database, store);
    }

    [SkippableFact]
    public async Task TheBackgroundReReadWaitsForTheStartToBeOver()
    {
        var database = await DatabaseAsync();
        await ImportAsync(database, "HEART_SURGERY,2025Q3,15,MALE,4,,\n");
        using (var first = new ValueStore(new ValueTableLoader(database), NullLogger<ValueStore>.Instance, Snapshot))
            await first.WarmUpAsync();
        await using (var db = database.CreateDbContext())
            await db.DataValues.ExecuteUpdateAsync(s => s.SetProperty(v => v.Value, 9));

        var log = new ListLogger<ValueStore>();
        using var store = new ValueStore(new ValueTableLoader(database), log, new ValueSnapshotFile(Snapshot.Path) { ReReadAfter = TimeSpan.FromHours(1) });
        await store.WarmUpAsync();
        await Task.Delay(500);

        // Still the snapshot's figure: the re-read has not begun.
        Assert.Single(log.Entries, e => e.Message.StartsWith("Analytics loaded", StringComparison.Ordinal));
        await using var read = database.CreateDbContext();
        var value = await read.DataValues.AsNoTracking().SingleAsync();
        Assert.Equal(4, await store.ReadAsync(table => table.Get(value.DataElementId, value.OrgUnitId, Period.Parse(value.Period), value.OptionCode)));
    }

    private async Task<TestDatabase> DatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync(provider: provider);
        _databases.Add(database);
        return database;
    }

    private static async Task ImportAsync(TestDatabase database, string rows)
    {
        var (parsed, conflicts) = DataValueCsv.Read(new StringReader(Header + rows));
        Assert.Empty(conflicts);
        using var store = new ValueStore(new ValueTableLoader(database), NullLogger<ValueStore>.Instance);
        var service = new DataValueImportService(database.Writer(), new CatalogueCache(database), store,
            new DataChangeNotifier(NullLogger<DataChangeNotifier>.Instance), database.Time, NullLogger<DataValueImportService>.Instance);
        var report = await service.ImportAsync(parsed, new ImportContext("analyst", null, DryRun: false));
        Assert.Equal(ImportReport.Success, report.Status);
    }

    // Same count, and every stored value answered as stored: the two hold the same values.
    private static async Task AssertHoldsTheDatabaseAsync(TestDatabase database, ValueStore store)
    {
        await using var db = database.CreateDbContext();
        var stored = await db.DataValues.AsNoTracking().ToListAsync();
        Assert.NotEmpty(stored);
        await store.ReadAsync(table =>
        {
            Assert.Equal(stored.Count, table.Count);
            foreach (var value in stored)
                Assert.Equal(value.Value, table.Get(value.DataElementId, value.OrgUnitId, Period.Parse(value.Period), value.OptionCode));
            return true;
        });
    }
}

public sealed class ValueSnapshotOnSqliteTests() : ValueSnapshotTests(DatabaseProvider.Sqlite);

public sealed class ValueSnapshotOnPostgresTests() : ValueSnapshotTests(DatabaseProvider.PostgreSQL);
