using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Persistence.Seed;
using ChildDashboard.Core.Services;
using ChildDashboard.Core.Services.Dashboards;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Core;

public static class CoreServiceCollectionExtensions
{
    // Registers the database, seeding and the use-case services.
    public static IServiceCollection AddChildDashboardCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddChildDashboardDatabase(configuration, contentRoot);
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
        // One server on its own unless the database registered a transport between servers.
        services.TryAddSingleton<IChangeFeedTransport, SingleServerChangeFeed>();
        services.AddSingleton<ChangeFeedRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeFeedRelay>());
        services.AddSingleton<AnalyticsService>();
        services.AddSingleton<NationalOverviewService>();
        services.AddSingleton<DashboardService>();
        services.AddSingleton<RecentChangesService>();
        services.AddSingleton<DataValueImportService>();
        services.AddSingleton<ApiTokenService>();
        services.AddSingleton<AdminAuditLog>();
        services.AddSingleton<UserAdministrationService>();
        services.AddSingleton<TokenAdministrationService>();
        services.AddSingleton<DataProtectionKeyStore>();
        services.AddSingleton<ValidationService>();
        services.AddSingleton<TargetImportService>();
        services.AddSingleton<TargetAdministrationService>();
        services.AddSingleton<DataValueExportService>();
        services.AddOptions<ReportingOptions>().Bind(configuration.GetSection("Reporting"));
        services.AddSingleton<FormService>();
        services.AddSingleton<FormNotificationService>();
        services.AddSingleton<FormWorkflowService>();
        services.AddSingleton<CompletenessService>();
        services.AddSingleton<EntryTemplateService>();
        return services;
    }
}
