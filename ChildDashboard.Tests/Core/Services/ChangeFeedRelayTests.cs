using System.Collections.Concurrent;
using System.Diagnostics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ChildDashboard.Tests.Core.Services;

// Two app servers on one PostgreSQL database, each with its own analytics and pages, in this process.
public sealed class ChangeFeedRelayTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private TestDatabase? _database;
    private Server? _a;
    private Server? _b;

    private sealed class Server : IAsyncDisposable
    {
        public Server(TestDatabase database, string connectionString)
        {
            Catalogues = new CatalogueCache(database);
            Store = new ValueStore(new ValueTableLoader(database), NullLogger<ValueStore>.Instance);
            Notifier = new DataChangeNotifier(NullLogger<DataChangeNotifier>.Instance);
            Feed = new PostgresChangeFeed(connectionString, NullLogger<PostgresChangeFeed>.Instance);
            Relay = new ChangeFeedRelay(Feed, Notifier, Store, new ValueTableLoader(database), Catalogues, database.Time, NullLogger<ChangeFeedRelay>.Instance);
            Imports = new DataValueImportService(database.Writer(), Catalogues, Store, Notifier, database.Time, NullLogger<DataValueImportService>.Instance);
            Notifier.Subscribe(changes =>
            {
                Received.Enqueue((changes, Stopwatch.GetTimestamp()));
                return Task.CompletedTask;
            });
        }

        public CatalogueCache Catalogues { get; }
        public ValueStore Store { get; }
        public DataChangeNotifier Notifier { get; }
        public PostgresChangeFeed Feed { get; }
        public ChangeFeedRelay Relay { get; }
        public DataValueImportService Imports { get; }
        public ConcurrentQueue<(ChangeSet Changes, long At)> Received { get; } = new();

        public async ValueTask DisposeAsync()
        {
            await Relay.StopAsync(CancellationToken.None);
            Relay.Dispose();
            await Feed.DisposeAsync();
            Store.Dispose();
        }
    }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(demoData: true, provider: DatabaseProvider.PostgreSQL);
        var connectionString = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString()) { Database = _database.PostgresName }.ToString();
        _a = new Server(_database, connectionString);
        _b = new Server(_database, connectionString);
        foreach (var server in new[] { _a, _b })
        {
            await server.Store.WarmUpAsync();
            await server.Relay.StartAsync(CancellationToken.None);
        }
        await WaitForListenersAsync(2);
    }

    public async Task DisposeAsync()
    {
        foreach (var server in new[] { _a, _b })
        {
            if (server is not null)
                await server.DisposeAsync();
        }
        if (_database is not null)
            await _database.DisposeAsync();
    }

    private Server A => _a ?? throw new InvalidOperationException("Not initialised.");
    private Server B => _b ?? throw new InvalidOperationException("Not initialised.");

    [SkippableFact]
    public async Task AValueImportedOnOneServerReachesTheOthersAnalyticsAndPages()
    {
        var (elementId, unitId) = await KeyAsync("HEART_SURGERY", "01");
        var started = Stopwatch.GetTimestamp();

        var report = await A.Imports.ImportAsync(Rows("HEART_SURGERY,2026Q4,01,MALE,41"), new ImportContext("hanoi", null, DryRun: false));

        Assert.Equal(ImportReport.Success, report.Status);
        var (changes, at) = await WaitForAsync(B, c => c.Kind == ChangeKind.Values);
        Assert.Equal(A.Relay.ServerId, changes.Origin);
        Assert.Contains(unitId, changes.OrgUnitIds);
        Assert.Equal(41, await B.Store.ReadAsync(t => t.Get(elementId, unitId, Period.Parse("2026Q4"), "MALE")));
        Assert.True(Stopwatch.GetElapsedTime(started, at) < Patience);
        // A's own change set is not applied twice nor sent back.
        await Task.Delay(300);
        Assert.Single(A.Received, r => r.Changes.Kind == ChangeKind.Values);
    }

    [SkippableFact]
    public async Task ADeletionOnOneServerRemovesTheValueOnTheOther()
    {
        var (elementId, unitId) = await KeyAsync("HEART_SURGERY", "01");
        await A.Imports.ImportAsync(Rows("HEART_SURGERY,2026Q4,01,FEMALE,9"), new ImportContext("hanoi", null, DryRun: false));
        await WaitUntilAsync(async () => await B.Store.ReadAsync(t => t.Get(elementId, unitId, Period.Parse("2026Q4"), "FEMALE")) == 9);

        await A.Imports.ImportAsync(Rows("HEART_SURGERY,2026Q4,01,FEMALE,9,true"), new ImportContext("hanoi", null, DryRun: false));

        await WaitUntilAsync(async () => await B.Store.ReadAsync(t => t.Get(elementId, unitId, Period.Parse("2026Q4"), "FEMALE")) is null);
    }

    [SkippableFact]
    public async Task AServerThatLostItsConnectionReloadsAndCatchesUp()
    {
        var (elementId, unitId) = await KeyAsync("HEART_SURGERY", "01");
        await TerminateListenersAsync();
        // Written while nobody listens: B learns of it only by reloading after it reconnects.
        await using (var db = _database!.CreateDbContext())
        {
            db.DataValues.Add(new DataValue { DataElementId = elementId, OrgUnitId = unitId, Period = "2026Q4", OptionCode = "MALE", Value = 77, LastUpdatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var (changes, _) = await WaitForAsync(B, c => c.Kind == ChangeKind.Everything);

        Assert.Equal(77, await B.Store.ReadAsync(t => t.Get(elementId, unitId, Period.Parse("2026Q4"), "MALE")));
        Assert.True(changes.TouchesPeriod(Period.Parse("2019")));
        await WaitForListenersAsync(2);
    }

    private static List<DataValueRow> Rows(string line)
    {
        var (rows, conflicts) = DataValueCsv.Read(new StringReader("dataelement,period,orgunit,categoryoptioncombo,value,deleted\n" + line + (line.Count(c => c == ',') == 4 ? ",\n" : "\n")));
        Assert.Empty(conflicts);
        return rows;
    }

    private async Task<(int ElementId, int UnitId)> KeyAsync(string element, string unit)
    {
        await using var db = _database!.CreateDbContext();
        return ((await db.DataElements.SingleAsync(e => e.Code == element)).Id, (await db.OrgUnits.SingleAsync(u => u.Code == unit && u.ClosedDate == null)).Id);
    }

    private static async Task<(ChangeSet Changes, long At)> WaitForAsync(Server server, Func<ChangeSet, bool> match)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            foreach (var received in server.Received)
            {
                if (match(received.Changes))
                    return received;
            }
            Assert.True(waited.Elapsed < Patience, "The change set never arrived.");
            await Task.Delay(10);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < Patience, "The condition did not come true.");
            await Task.Delay(10);
        }
    }

    // The listening sessions of this database (a role may end its own sessions).
    private async Task<int> ListenersAsync(bool terminate)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.ConnectionString());
        await connection.OpenAsync();
        var sql = $"SELECT {(terminate ? "pg_terminate_backend(pid)" : "pid")} FROM pg_stat_activity WHERE datname = @db AND query LIKE 'LISTEN%'";
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("db", _database!.PostgresName ?? "");
        var count = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            count++;
        return count;
    }

    private async Task TerminateListenersAsync() => Assert.Equal(2, await ListenersAsync(terminate: true));

    private async Task WaitForListenersAsync(int count) => await WaitUntilAsync(async () => await ListenersAsync(terminate: false) == count);
}
