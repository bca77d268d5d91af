using System.Collections.Concurrent;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Persistence.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace ChildDashboard.Tests.Core;

// A real database migrated like production: SQLite in memory (kept alive by one open connection),
// or a fresh PostgreSQL database copied from a template that is migrated and seeded once per run.
public sealed class TestDatabase : IDbContextFactory<AppDbContext>, IAsyncDisposable
{
    public static readonly DateTimeOffset Today = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    private static readonly ConcurrentDictionary<(bool, bool), Lazy<Task<string>>> Templates = new();
    private readonly SqliteConnection? _sqlite;
    private readonly Func<AppDbContext> _create;

    private TestDatabase(DatabaseProvider provider, SqliteConnection? sqlite, string? postgresName, Func<AppDbContext> create)
    {
        Provider = provider;
        _sqlite = sqlite;
        PostgresName = postgresName;
        _create = create;
    }

    public DatabaseProvider Provider { get; }

    public string? PostgresName { get; }

    public FakeTimeProvider Time { get; } = new(Today);

    public static async Task<TestDatabase> CreateAsync(bool referenceData = true, bool demoData = false, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        if (provider == DatabaseProvider.PostgreSQL)
            return await CreatePostgresAsync(referenceData, demoData);

        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection).Options;
        var database = new TestDatabase(provider, connection, null, () => new AppDbContext(options));
        await database.MigrateAndSeedAsync(referenceData, demoData);
        return database;
    }

    public AppDbContext CreateDbContext() => _create();

    public IDataValueWriter Writer() => Provider == DatabaseProvider.PostgreSQL ? new PostgresDataValueWriter(this) : new SqliteDataValueWriter(this);

    private async Task MigrateAndSeedAsync(bool referenceData, bool demoData)
    {
        await using var db = CreateDbContext();
        await db.Database.MigrateAsync();
        if (referenceData)
            await new ReferenceDataSeeder(Time).SeedAsync(db);
        if (demoData)
            await new DemoDataSeeder(Time).SeedAsync(db);
    }

    private static async Task<TestDatabase> CreatePostgresAsync(bool referenceData, bool demoData)
    {
        var server = TestPostgres.ConnectionString();
        var template = await Templates.GetOrAdd((referenceData, demoData), key => new Lazy<Task<string>>(() => CreateTemplateAsync(server, key.Item1, key.Item2))).Value;
        var name = $"cd_test_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {name} TEMPLATE {template}");
        return Postgres(server, name);
    }

    // Migrating and seeding takes seconds on PostgreSQL; copying a template database takes a fraction.
    private static async Task<string> CreateTemplateAsync(string server, bool referenceData, bool demoData)
    {
        var name = $"cd_template_{Environment.ProcessId}_{(referenceData ? 1 : 0)}{(demoData ? 1 : 0)}";
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        var database = Postgres(server, name);
        await database.MigrateAndSeedAsync(referenceData, demoData);
        await database.DisposeAsync(drop: false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAsync(server, name).GetAwaiter().GetResult();
        return name;
    }

    private static TestDatabase Postgres(string server, string name)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options;
        return new TestDatabase(DatabaseProvider.PostgreSQL, null, name, () => new PostgresAppDbContext(options));
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => DisposeAsync(drop: true);

    private async ValueTask DisposeAsync(bool drop)
    {
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
            return;
        }
        await using (var db = CreateDbContext())
            NpgsqlConnection.ClearPool((NpgsqlConnection)db.Database.GetDbConnection());
        if (drop)
            await DropAsync(TestPostgres.ConnectionString(), PostgresName);
    }

    // Clean-up only: an autovacuum worker the server started on the new database can hold it for
    // a moment (and only a superuser may end it), so a few tries, then it is left to .ci/postgres.sh.
    private static async Task DropAsync(string server, string? name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 5)
            {
                await Task.Delay(200 * attempt);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                return;
            }
        }
    }
}
