using System.Data.Common;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Persistence.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChildDashboard.Tests.Core.Persistence;

// Start-up on a real database file, as `dotnet run` does it.
public sealed class DatabaseInitializerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("childdashboard-init-").FullName;
    private readonly FakeTimeProvider _time = new(TestDatabase.Today);

    private string DatabaseFile => Path.Combine(_folder, "app.db");

    private DatabaseInitializer Initializer(out IDbContextFactory<AppDbContext> factory, CommandLog? log = null)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={DatabaseFile}");
        if (log is not null)
            builder.AddInterceptors(log);
        var options = builder.Options;
        factory = new PooledDbContextFactory<AppDbContext>(options);
        return new DatabaseInitializer(
            factory, new ReferenceDataSeeder(_time), new DemoDataSeeder(_time),
            Options.Create(new SeedOptions { DemoData = true }), NullLogger<DatabaseInitializer>.Instance);
    }

    private static async Task<(int Units, int Values, int Forms)> CountAsync(IDbContextFactory<AppDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await db.OrgUnits.CountAsync(), await db.DataValues.CountAsync(), await db.ReportForms.CountAsync());
    }

    [Fact]
    public async Task StartingTwiceChangesNothing()
    {
        await Initializer(out var factory).InitializeAsync();
        var first = await CountAsync(factory);
        Assert.Equal(87, first.Units);
        Assert.True(first.Values > 90_000, $"only {first.Values} demo values");

        await Initializer(out factory).InitializeAsync();

        Assert.Equal(first, await CountAsync(factory));
    }

    [Fact]
    public async Task UsesWriteAheadLogging()
    {
        await Initializer(out _).InitializeAsync();

        await using var connection = new SqliteConnection($"Data Source={DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task ADeletedDatabaseIsRebuilt()
    {
        await Initializer(out var factory).InitializeAsync();
        var first = await CountAsync(factory);
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(_folder))
            File.Delete(file);

        await Initializer(out factory).InitializeAsync();

        Assert.Equal(first, await CountAsync(factory));
    }

    [Fact]
    public async Task StartingOnACurrentDatabaseWritesNothing()
    {
        await Initializer(out _).InitializeAsync();
        var log = new CommandLog();

        await Initializer(out _, log).InitializeAsync();

        Assert.NotEmpty(log.Commands);
        var writes = log.Commands.Where(c => !c.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !c.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(writes);
    }

    [Fact]
    public async Task ADatabaseMigrationsBehindIsBroughtUpToDate()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={DatabaseFile}").Options;
        await using (var old = new AppDbContext(options))
        {
            var migrations = old.Database.GetMigrations().ToList();
            await old.GetService<IMigrator>().MigrateAsync(migrations[1]);
            Assert.Equal(migrations.Count - 2, (await old.Database.GetPendingMigrationsAsync()).Count());
        }

        await Initializer(out var factory).InitializeAsync();

        await using var db = await factory.CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.UserSessions.CountAsync());
        Assert.Equal(87, await db.OrgUnits.CountAsync());
    }

    // The SQL the initializer sends.
    private sealed class CommandLog : DbCommandInterceptor
    {
        public List<string> Commands { get; } = [];

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
            Log(command, result);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default) => ValueTask.FromResult(Log(command, result));

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) => Log(command, result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default) => ValueTask.FromResult(Log(command, result));

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) => Log(command, result);

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
            CancellationToken cancellationToken = default) => ValueTask.FromResult(Log(command, result));

        private T Log<T>(DbCommand command, T result)
        {
            lock (Commands)
                Commands.Add(command.CommandText.TrimStart());
            return result;
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
