using System.Diagnostics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Persistence.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace ChildDashboard.Tests.Core.Persistence;

// The administrators' backup command, and the restore the README gives for each provider.
public sealed class DatabaseBackupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("childdashboard-backup-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    private static async Task<string> CountsAsync(AppDbContext db) =>
        $"{await db.OrgUnits.CountAsync()} {await db.Targets.CountAsync()} {await db.DataValues.CountAsync()} {await db.DataValueAudits.CountAsync()} " +
        $"{await db.AuditBatches.CountAsync()} {await db.Users.CountAsync()} {await db.DataValues.SumAsync(v => v.Value)}";

    private static async Task AddValuesAsync(AppDbContext db, int count, int startingAt = 0)
    {
        var element = await db.DataElements.SingleAsync(e => e.Code == "HEART_SURGERY");
        var unit = await db.OrgUnits.FirstAsync(u => u.Code == "01");
        for (var i = startingAt; i < startingAt + count; i++)
        {
            db.DataValues.Add(new DataValue
            {
                DataElementId = element.Id, OrgUnitId = unit.Id, Period = $"{2000 + i / 4}Q{i % 4 + 1}", OptionCode = "MALE", Value = i,
                LastUpdatedUtc = DateTime.UtcNow,
            });
        }
        await db.SaveChangesAsync();
    }

    private static AppDbContext Sqlite(string file) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options);

    [Fact]
    public async Task ASqliteBackupIsACompleteCopyThatOpensAsTheDatabase()
    {
        var file = Path.Combine(_folder, "live.db");
        await using (var db = Sqlite(file))
        {
            await db.Database.MigrateAsync();
            await new ReferenceDataSeeder(new FakeTimeProvider(TestDatabase.Today)).SeedAsync(db);
            await AddValuesAsync(db, 40);
        }
        var backup = Path.Combine(_folder, "copies", "backup.db");

        await DatabaseBackup.RunAsync(Settings(("ConnectionStrings:Default", "Data Source=live.db")), _folder, backup);

        await using var original = Sqlite(file);
        await using var copy = Sqlite(backup);
        Assert.Equal(await CountsAsync(original), await CountsAsync(copy));
        Assert.Empty(await copy.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task ASqliteBackupTakenWhileValuesAreWrittenIsConsistent()
    {
        var file = Path.Combine(_folder, "busy.db");
        await using (var db = Sqlite(file))
        {
            await db.Database.MigrateAsync();
            await new ReferenceDataSeeder(new FakeTimeProvider(TestDatabase.Today)).SeedAsync(db);
        }
        using var stop = new CancellationTokenSource();
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = Task.Run(async () =>
        {
            var written = 0;
            await using var db = Sqlite(file);
            while (!stop.IsCancellationRequested)
            {
                await AddValuesAsync(db, 4, written);
                written += 4;
                writing.TrySetResult();
            }
            return written;
        });
        // The backup starts once the writer is committing (a first commit can take a while on a busy machine).
        await writing.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(100);

        var backup = Path.Combine(_folder, "busy-backup.db");
        await DatabaseBackup.RunAsync(Settings(("ConnectionStrings:Default", $"Data Source={file}")), _folder, backup);
        await stop.CancelAsync();
        var written = await writer;

        await using var copy = Sqlite(backup);
        var copied = await copy.DataValues.CountAsync();
        // Whole transactions of four values, never part of one.
        Assert.Equal(0, copied % 4);
        Assert.InRange(copied, 4, written);
    }

    [Fact]
    public async Task ABackupNeverOverwritesAFile()
    {
        var target = Path.Combine(_folder, "exists.db");
        await File.WriteAllTextAsync(target, "keep me");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DatabaseBackup.RunAsync(Settings(("ConnectionStrings:Default", "Data Source=none.db")), _folder, target));

        Assert.Contains("exists already", refused.Message);
        Assert.Equal("keep me", await File.ReadAllTextAsync(target));
    }

    [SkippableFact]
    public async Task APostgresBackupRestoresWithPgRestoreIntoANewDatabase()
    {
        await using var live = await TestDatabase.CreateAsync(provider: DatabaseProvider.PostgreSQL);
        await using (var db = live.CreateDbContext())
            await AddValuesAsync(db, 40);
        var server = TestPostgres.ConnectionString();
        var liveConnection = new NpgsqlConnectionStringBuilder(server) { Database = live.PostgresName }.ToString();
        var backup = Path.Combine(_folder, "backup.dump");

        await DatabaseBackup.RunAsync(Settings(("Database:Provider", "PostgreSQL"), ("ConnectionStrings:Default", liveConnection)), _folder, backup);

        var restored = $"cd_test_restore_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {restored}", admin);
            await create.ExecuteNonQueryAsync();
        }
        try
        {
            var restoredConnection = new NpgsqlConnectionStringBuilder(server) { Database = restored };
            var restore = new ProcessStartInfo("pg_restore") { ArgumentList = { "--no-owner", "--dbname", restored, backup }, RedirectStandardError = true };
            restore.Environment["PGHOST"] = restoredConnection.Host;
            restore.Environment["PGPORT"] = restoredConnection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            restore.Environment["PGUSER"] = restoredConnection.Username;
            restore.Environment["PGPASSWORD"] = restoredConnection.Password;
            using var process = Process.Start(restore) ?? throw new InvalidOperationException("pg_restore did not start.");
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, errors);

            await using var original = live.CreateDbContext();
            await using var copy = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(restoredConnection.ToString()).Options);
            Assert.Equal(await CountsAsync(original), await CountsAsync(copy));
            Assert.Empty(await copy.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {restored} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
