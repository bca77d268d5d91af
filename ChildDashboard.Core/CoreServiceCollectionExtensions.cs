using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Persistence.Seed;
using ChildDashboard.Core.Services;
using ChildDashboard.Core.Services.Dashboards;
using ChildDashboard.Core.Services.Settings;
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
        services.AddOptions<ReportingOptions>().Bind(configuration.GetSection("Reporting")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReportingOptions>, ReportingOptionsValidator>();
        services.AddSingleton<SettingsStore>();
        services.AddSingleton<SettingsService>();
        AddLiveSettings<StatusOptions>(services, configuration.GetSection("Status"));
        AddLiveSettings<ImportOptions>(services, configuration.GetSection("Import"));
        AddLiveSettings<ReportingOptions>(services, configuration.GetSection("Reporting"));
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
        services.AddSingleton<IndicatorPageService>();
        services.AddSingleton<RecentChangesService>();
        services.AddSingleton<IndicatorCommentService>();
        services.AddSingleton<DataValueImportService>();
        services.AddSingleton<ApiTokenService>();
        services.AddSingleton<AdminAuditLog>();
        services.AddSingleton<UserAdministrationService>();
        services.AddSingleton<TokenAdministrationService>();
        services.AddSingleton<UserSessionService>();
        services.AddSingleton<TwoFactorStatusService>();
        services.AddSingleton<DataProtectionKeyStore>();
        services.AddSingleton<ValidationService>();
        services.AddSingleton<TargetImportService>();
        services.AddSingleton<TargetAdministrationService>();
        services.AddSingleton<CatalogueAdministrationService>();
        services.AddSingleton<UnitAdministrationService>();
        services.AddSingleton<DataValueExportService>();
        services.AddSingleton<FormService>();
        services.AddSingleton<FormNotificationService>();
        services.AddSingleton<FormWorkflowService>();
        services.AddSingleton<CompletenessService>();
        services.AddSingleton<ObligationsService>();
        services.AddSingleton<EntryTemplateService>();
        services.AddSingleton<Services.Reports.ReportNarrativeService>();
        services.AddSingleton<Services.Reports.SummaryWorkbookService>();
        services.AddSingleton<Services.Reports.MinistryReportService>();
        return services;
    }

    // Options that the settings page overrides (SettingsStore): the configuration's copy under
    // its own name, the overrides on top of the app's, and IOptions<T> that follows them.
    private static void AddLiveSettings<T>(IServiceCollection services, IConfigurationSection section) where T : class
    {
        services.AddOptions<T>(SettingsStore.ConfiguredName).Bind(section);
        services.AddSingleton<SettingsOverrides<T>>();
        services.AddSingleton<IPostConfigureOptions<T>>(sp => sp.GetRequiredService<SettingsOverrides<T>>());
        services.AddSingleton<IOptionsChangeTokenSource<T>>(sp => sp.GetRequiredService<SettingsOverrides<T>>());
        services.AddSingleton<IOptions<T>>(sp => new LiveOptions<T>(sp.GetRequiredService<IOptionsMonitor<T>>()));
    }
}
