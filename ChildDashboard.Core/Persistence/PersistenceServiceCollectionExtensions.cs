using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChildDashboard.Core.Persistence;

// The database behind IDbContextFactory<AppDbContext> and the import writer: SQLite (the embedded
// default) or PostgreSQL. Nothing outside Persistence knows which one it is.
public static class PersistenceServiceCollectionExtensions
{
    public const string DefaultSqliteConnectionString = "Data Source=App_Data/childdashboard.db";

    public static IServiceCollection AddChildDashboardDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var connectionString = configuration.GetConnectionString("Default");
        switch (Provider(configuration))
        {
            case DatabaseProvider.PostgreSQL:
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw new InvalidOperationException("Database:Provider is PostgreSQL: set ConnectionStrings:Default (e.g. Host=localhost;Database=childdashboard;Username=...;Password=...).");
                services.AddPooledDbContextFactory<PostgresAppDbContext>(options => options.UseNpgsql(connectionString)
                    .UseModel(CompiledModels.Postgres.PostgresAppDbContextModel.Instance).ConfigureWarnings(NoModelCheckAtStart));
                services.AddSingleton<IDbContextFactory<AppDbContext>, PostgresContextFactory>();
                services.AddSingleton<IDataValueWriter, PostgresDataValueWriter>();
                services.AddSingleton<IChangeFeedTransport>(sp => new PostgresChangeFeed(connectionString, sp.GetRequiredService<ILogger<PostgresChangeFeed>>()));
                AddSnapshot(services, configuration, contentRoot, PostgresSnapshotPath(connectionString, contentRoot));
                break;
            default:
                var sqlite = SqliteConnectionString(connectionString ?? DefaultSqliteConnectionString, contentRoot);
                services.AddDbContextFactory<AppDbContext>(options => options.UseSqlite(sqlite).AddInterceptors(new SqliteTuning())
                    .UseModel(CompiledModels.Sqlite.AppDbContextModel.Instance).ConfigureWarnings(NoModelCheckAtStart));
                services.AddSingleton<IDataValueWriter, SqliteDataValueWriter>();
                AddSnapshot(services, configuration, contentRoot, SqliteSnapshotPath(sqlite));
                break;
        }
        return services;
    }

    // The model is the compiled one (CompiledModels/, README "Schema changes"), which loads in a
    // fraction of the time OnModelCreating takes. Migrate's check that the migrations match the
    // model would build the model from OnModelCreating all the same, and diff it: MigrationsTests
    // and CompiledModelTests make that check before a change is merged, so the app skips it at
    // start-up (the migrations themselves are still applied).
    private static void NoModelCheckAtStart(WarningsConfigurationBuilder warnings) =>
        warnings.Ignore(RelationalEventId.PendingModelChangesWarning);

    // Analytics:SnapshotPath names the file (relative to the content root); "none" turns it off.
    private static void AddSnapshot(IServiceCollection services, IConfiguration configuration, string contentRoot, string? defaultPath)
    {
        var configured = configuration["Analytics:SnapshotPath"];
        if (string.Equals(configured, "none", StringComparison.OrdinalIgnoreCase))
            return;
        var path = string.IsNullOrWhiteSpace(configured) ? defaultPath : Path.GetFullPath(configured, contentRoot);
        if (path is not null)
            services.AddSingleton(new ValueSnapshotFile(path));
    }

    // Beside the database file; none for an in-memory database.
    private static string? SqliteSnapshotPath(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString);
        return source.Mode == SqliteOpenMode.Memory || source.DataSource is "" or ":memory:" || source.DataSource.StartsWith("file:", StringComparison.Ordinal)
            ? null
            : source.DataSource + ".values";
    }

    // In the app's own data folder, one file per server and database.
    private static string PostgresSnapshotPath(string connectionString, string contentRoot)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var name = string.Concat($"{builder.Host}-{builder.Port}-{builder.Database}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        return Path.Combine(contentRoot, "App_Data", $"analytics-{name}.values");
    }

    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(name))
            return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider '{name}' is not known: use Sqlite or PostgreSQL.");
    }

    // Relative SQLite paths are taken from the content root, so that the database lands in the
    // same place whatever the working directory.
    public static string SqliteConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } path && path != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            builder.DataSource = Path.GetFullPath(path, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource) ?? contentRoot);
        }
        return builder.ToString();
    }
}
