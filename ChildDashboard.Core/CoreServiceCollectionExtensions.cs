using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Persistence.Seed;
using ChildDashboard.Core.Services;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Core;

public static class CoreServiceCollectionExtensions
{
    public const string DefaultConnectionString = "Data Source=App_Data/childdashboard.db";

    // Registers the database, seeding and the use-case services. Relative SQLite paths are taken
    // from contentRoot so that the database lands in the same place whatever the working directory.
    public static IServiceCollection AddChildDashboardCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new NotSupportedException($"Database:Provider '{provider}' is not supported yet; use Sqlite.");

        var connectionString = SqliteConnectionString(configuration.GetConnectionString("Default") ?? DefaultConnectionString, contentRoot);
        services.AddDbContextFactory<AppDbContext>(options => options.UseSqlite(connectionString).AddInterceptors(new SqliteTuning()));
        services.AddSingleton(TimeProvider.System);
        return services.AddChildDashboardServices(configuration);
    }

    // Everything but the database and the clock, which tests provide themselves.
    public static IServiceCollection AddChildDashboardServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SeedOptions>(configuration.GetSection("Seed"));
        services.AddSingleton<DataChangeNotifier>();
        services.AddSingleton<ReferenceDataSeeder>();
        services.AddSingleton<DemoDataSeeder>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddOptions<StatusOptions>().Bind(configuration.GetSection("Status")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StatusOptions>, StatusOptionsValidator>();
        services.AddOptions<ImportOptions>().Bind(configuration.GetSection("Import")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ImportOptions>, ImportOptionsValidator>();
        services.AddSingleton<CatalogueCache>();
        services.AddSingleton<ValueTableLoader>();
        services.AddSingleton<ValueStore>();
        services.AddSingleton<AnalyticsService>();
        services.AddSingleton<NationalOverviewService>();
        services.AddSingleton<IDataValueWriter, SqliteDataValueWriter>();
        services.AddSingleton<DataValueImportService>();
        services.AddSingleton<ApiTokenService>();
        services.AddSingleton<ValidationService>();
        services.AddSingleton<TargetImportService>();
        services.AddSingleton<DataValueExportService>();
        return services;
    }

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
