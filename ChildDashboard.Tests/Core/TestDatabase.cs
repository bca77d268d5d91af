using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Persistence.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChildDashboard.Tests.Core;

// A real SQLite database in memory, migrated like production, kept alive by one open connection.
public sealed class TestDatabase : IDbContextFactory<AppDbContext>, IAsyncDisposable
{
    public static readonly DateTimeOffset Today = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly DbContextOptions<AppDbContext> _options;

    private TestDatabase()
    {
        _connection.Open();
        _options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(_connection).Options;
    }

    public FakeTimeProvider Time { get; } = new(Today);

    public static async Task<TestDatabase> CreateAsync(bool referenceData = true, bool demoData = false)
    {
        var database = new TestDatabase();
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        if (referenceData)
            await new ReferenceDataSeeder(database.Time).SeedAsync(db);
        if (demoData)
            await new DemoDataSeeder(database.Time).SeedAsync(db);
        return database;
    }

    public AppDbContext CreateDbContext() => new(_options);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
