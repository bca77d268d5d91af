using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Persistence.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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

    private DatabaseInitializer Initializer(out IDbContextFactory<AppDbContext> factory)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={DatabaseFile}").Options;
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

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
