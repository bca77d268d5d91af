using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using ChildDashboard.Core.Services.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Tests.Core.Services.Administration;

// Settings changed on the page override the configuration, pass the validators that check the
// configuration at start, are audited with old and new, and are in force at once: the services
// that took IOptions<T> read the new value without a restart.
public abstract class SettingsServiceTests(DatabaseProvider provider) : AdminServicesFixture(provider)
{
    private SettingsService Settings => Get<SettingsService>();

    protected override IEnumerable<KeyValuePair<string, string?>> Configuration => [new("Reporting:QuarterDeadlineDays", "20")];

    [SkippableFact]
    public async Task AChangedMarginIsInForceAtOnceAndAuditedWithOldAndNew()
    {
        var admin = await CallerAsync(Roles.Admin);
        var status = Get<IOptions<StatusOptions>>();
        Assert.Equal(0.10, status.Value.OnTrackMargin);

        var result = await Settings.SaveAsync(admin, new Dictionary<string, double?> { ["Status:OnTrackMargin"] = 0.05, ["Status:AtRiskMargin"] = 0.2 });

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(0.05, status.Value.OnTrackMargin);
        Assert.Equal(0.2, Get<IOptionsMonitor<StatusOptions>>().CurrentValue.AtRiskMargin);
        Assert.Collection(await AdminAuditsAsync(),
            onTrack => Assert.Equal((AdminAction.SettingChanged, "Status:OnTrackMargin", "0.1", "0.05", "admin-VN"),
                (onTrack.Action, onTrack.Target, onTrack.OldValue, onTrack.NewValue, onTrack.Actor)),
            atRisk => Assert.Equal(("Status:AtRiskMargin", "0.25", "0.2"), (atRisk.Target, atRisk.OldValue, atRisk.NewValue)));
        var row = (await Settings.ListAsync(admin)).Single(r => r.Definition.Key == "Status:OnTrackMargin");
        Assert.Equal((0.05, 0.10, true, "admin-VN"), (row.Value, row.Default, row.IsOverridden, row.ChangedBy));
    }

    [SkippableFact]
    public async Task ADeadlineOverridesTheConfigurationUntilSetBack()
    {
        var admin = await CallerAsync(Roles.Admin);
        var completeness = Get<CompletenessService>();
        var quarter = Period.Parse("2026Q1");
        Assert.Equal(new DateOnly(2026, 4, 20), completeness.Options.QuarterDeadline(quarter));

        Assert.True((await Settings.SaveAsync(admin, new Dictionary<string, double?> { ["Reporting:QuarterDeadlineDays"] = 10 })).Succeeded);
        Assert.Equal(new DateOnly(2026, 4, 10), completeness.Options.QuarterDeadline(quarter));
        await using (var db = Database.CreateDbContext())
            Assert.Equal("10", (await db.SystemSettings.SingleAsync(s => s.Key == "Reporting:QuarterDeadlineDays")).Value);

        Assert.True((await Settings.SaveAsync(admin, new Dictionary<string, double?> { ["Reporting:QuarterDeadlineDays"] = null })).Succeeded);
        Assert.Equal(new DateOnly(2026, 4, 20), completeness.Options.QuarterDeadline(quarter));
        await using (var db = Database.CreateDbContext())
            Assert.False(await db.SystemSettings.AnyAsync());
        Assert.Equal(("10", "20"), ((await AdminAuditsAsync()).Last().OldValue, (await AdminAuditsAsync()).Last().NewValue));
    }

    [SkippableFact]
    public async Task StoredSettingsAreReadAtStart()
    {
        await using (var db = Database.CreateDbContext())
        {
            db.SystemSettings.Add(new SystemSetting { Key = "Import:MaxCount", Value = "5000", UpdatedBy = "admin", UpdatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await Get<SettingsStore>().LoadAsync();

        Assert.Equal(5000, Get<IOptions<ImportOptions>>().Value.MaxCount);
        Assert.Equal(5000, Get<IOptionsMonitor<ImportOptions>>().CurrentValue.MaxCount);
    }

    [SkippableFact]
    public async Task SettingsThatFailTheValidatorsAreRefusedTogetherAndNothingChanges()
    {
        var admin = await CallerAsync(Roles.Admin);

        var result = await Settings.SaveAsync(admin, new Dictionary<string, double?>
        {
            ["Status:OnTrackMargin"] = 0.3,
            ["Reporting:SixMonthReportMonth"] = 2,
            ["Reporting:SixMonthReportDay"] = 30,
            ["Import:MaxFileBytes"] = 0,
        });
        var fraction = await Settings.SaveAsync(admin, new Dictionary<string, double?> { ["Import:OpenFutureYears"] = 1.5 });

        Assert.Collection(result.Errors,
            margin => Assert.Contains("Status:AtRiskMargin (0.25) must be at least Status:OnTrackMargin (0.3)", margin),
            day => Assert.Contains("Reporting:SixMonthReportDay must be a day of month 2", day),
            size => Assert.Contains("Import:MaxFileBytes must be between 1", size));
        Assert.False(fraction.Succeeded);
        Assert.Equal(0.10, Get<IOptions<StatusOptions>>().Value.OnTrackMargin);
        Assert.Empty(await AdminAuditsAsync());
        await using var db = Database.CreateDbContext();
        Assert.False(await db.SystemSettings.AnyAsync());
    }

    [SkippableFact]
    public async Task OnlyNationalAdministratorsChangeSettings()
    {
        var change = new Dictionary<string, double?> { ["Import:MaxCount"] = 10 };
        foreach (var caller in new[] { await CallerAsync(Roles.Admin, "01"), await CallerAsync(Roles.Analyst), await CallerAsync(Roles.Leader) })
        {
            Assert.False((await Settings.SaveAsync(caller, change)).Succeeded);
            Assert.Empty(await Settings.ListAsync(caller));
        }
        Assert.Equal(1_000_000_000, Get<IOptions<ImportOptions>>().Value.MaxCount);
    }
}

public sealed class SettingsServiceOnSqliteTests() : SettingsServiceTests(DatabaseProvider.Sqlite);

public sealed class SettingsServiceOnPostgresTests() : SettingsServiceTests(DatabaseProvider.PostgreSQL);
