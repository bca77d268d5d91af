using System.Text;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Tests.Core.Services.Administration;

// The targets page's service: targets meet the import's checks, every change is audited twice
// (the targets' own audit and the administrators' log, with old and new), a province user stays
// within its province, and export and import are each other's inverse.
public abstract class TargetAdministrationServiceTests(DatabaseProvider provider) : AdminServicesFixture(provider)
{
    private TargetAdministrationService Targets => Get<TargetAdministrationService>();

    private async Task<TargetAdministrationService.TargetEdit> EditAsync(string unit, int targetYear, double value, int? baselineYear = 2020, double? baseline = 80)
    {
        var catalogue = await Get<CatalogueCache>().GetAsync();
        return new(catalogue.IndicatorsByCode["CP03"].Id, (await UnitAsync(unit)).Id, baselineYear, baseline, targetYear, value, "QĐ 1/2026");
    }

    private async Task<Target?> StoredAsync(string unit, int targetYear)
    {
        var unitId = (await UnitAsync(unit)).Id;
        await using var db = Database.CreateDbContext();
        return await db.Targets.Include(t => t.Indicator).SingleOrDefaultAsync(t => t.OrgUnitId == unitId && t.TargetYear == targetYear && t.Indicator!.Code == "CP03");
    }

    [SkippableFact]
    public async Task ATargetTypedOnThePageIsCreatedChangedAndAuditedWithOldAndNew()
    {
        English();
        var admin = await CallerAsync(Roles.Admin);

        Assert.True((await Targets.SaveAsync(admin, await EditAsync("01", 2030, 92))).Succeeded);
        Assert.True((await Targets.SaveAsync(admin, await EditAsync("01", 2030, 94.5))).Succeeded);

        Assert.Equal(94.5, (await StoredAsync("01", 2030))?.TargetValue);
        var haNoiId = (await UnitAsync("01")).Id;
        var audits = (await AdminAuditsAsync()).Where(a => a.Target.StartsWith("CP03 · 01 ", StringComparison.Ordinal)).ToList();
        Assert.Collection(audits,
            created =>
            {
                Assert.Equal(AdminAction.TargetCreated, created.Action);
                Assert.Equal("admin-VN", created.Actor);
                Assert.Null(created.OldValue);
                Assert.Equal("2020: 80 → 2030: 92 · QĐ 1/2026", created.NewValue);
            },
            changed =>
            {
                Assert.Equal(AdminAction.TargetChanged, changed.Action);
                Assert.Equal("2020: 80 → 2030: 92 · QĐ 1/2026", changed.OldValue);
                Assert.Equal("2020: 80 → 2030: 94.5 · QĐ 1/2026", changed.NewValue);
                Assert.Equal(haNoiId, changed.TargetOrgUnitId);
            });
        await using var db = Database.CreateDbContext();
        Assert.Equal(2, await db.TargetAudits.CountAsync(a => a.Batch!.Reason == "admin"));
    }

    [SkippableFact]
    public async Task ATargetBreakingTheDomainRulesIsRefusedAndNothingIsWritten()
    {
        English();
        var admin = await CallerAsync(Roles.Admin);

        var baselineAfter = await Targets.SaveAsync(admin, await EditAsync("01", 2030, 92, baselineYear: 2031));
        var overHundred = await Targets.SaveAsync(admin, await EditAsync("01", 2030, 120));
        var halfBaseline = await Targets.SaveAsync(admin, await EditAsync("01", 2030, 92, baselineYear: 2020, baseline: null));

        Assert.Contains("must come after the baseline year", Assert.Single(baselineAfter.Errors));
        Assert.Contains("is a percentage", Assert.Single(overHundred.Errors));
        Assert.Contains("Give both the baseline year and value, or neither", Assert.Single(halfBaseline.Errors));
        Assert.Null(await StoredAsync("01", 2030));
        Assert.Empty(await AdminAuditsAsync());
    }

    [SkippableFact]
    public async Task AProvinceAdministratorIsRefusedAnotherProvincesTargets()
    {
        English();
        var national = await CallerAsync(Roles.Admin);
        Assert.True((await Targets.SaveAsync(national, await EditAsync("15", 2030, 90))).Succeeded);
        var laoCai = await StoredAsync("15", 2030);
        var haNoiAdmin = await CallerAsync(Roles.Admin, "01");
        var before = (await AdminAuditsAsync()).Count;

        var save = await Targets.SaveAsync(haNoiAdmin, await EditAsync("15", 2030, 50));
        var delete = await Targets.DeleteAsync(haNoiAdmin, laoCai!.Id);
        var import = await Targets.ImportAsync(haNoiAdmin, [new TargetRow(2, "CP03", "15", null, null, "2030", "50", null)]);
        var list = await Targets.ListAsync(haNoiAdmin, (await UnitAsync("15")).Id);
        var units = await Targets.UnitsAsync(haNoiAdmin);

        Assert.Equal("You may not set targets for this unit.", Assert.Single(save.Errors));
        Assert.Equal("You may not set targets for this unit.", Assert.Single(delete.Errors));
        Assert.False(import.Succeeded);
        Assert.Contains("outside your scope", Assert.Single(import.Conflicts).Message);
        Assert.Empty(list);
        Assert.DoesNotContain(units, u => u.Code is "15" or "VN");
        Assert.Contains(units, u => u.Code == "01");
        Assert.Equal(90, (await StoredAsync("15", 2030))?.TargetValue);
        Assert.Equal(before, (await AdminAuditsAsync()).Count);
    }

    [SkippableFact]
    public async Task AnalystsSetTargetsAndLeadersAndDataEntryStaffDoNot()
    {
        English();
        Assert.True((await Targets.SaveAsync(await CallerAsync(Roles.Analyst, "01"), await EditAsync("01", 2030, 92))).Succeeded);
        Assert.False((await Targets.SaveAsync(await CallerAsync(Roles.Leader), await EditAsync("01", 2030, 93))).Succeeded);
        Assert.False((await Targets.SaveAsync(await CallerAsync(Roles.DataEntry, "01"), await EditAsync("01", 2030, 93))).Succeeded);
        Assert.Empty(await Targets.UnitsAsync(await CallerAsync(Roles.Leader)));
        Assert.Equal(92, (await StoredAsync("01", 2030))?.TargetValue);
    }

    [SkippableFact]
    public async Task DeletingATargetIsAuditedAndTheProvinceAdoptsTheNationalChainAgain()
    {
        var admin = await CallerAsync(Roles.Admin);
        var haNoi = await UnitAsync("01");
        var adopted = (await Targets.ListAsync(admin, haNoi.Id)).Single(r => r.Indicator.Code == "CP03");
        Assert.Equal("VN", adopted.AdoptedFrom?.Code);
        Assert.Equal([2025, 2030], adopted.Adopted.Select(t => t.TargetYear));

        Assert.True((await Targets.SaveAsync(admin, await EditAsync("01", 2030, 92))).Succeeded);
        var own = (await Targets.ListAsync(admin, haNoi.Id)).Single(r => r.Indicator.Code == "CP03");
        Assert.Null(own.AdoptedFrom);
        Assert.True((await Targets.DeleteAsync(admin, Assert.Single(own.Own).Id)).Succeeded);

        Assert.Null(await StoredAsync("01", 2030));
        var deleted = (await AdminAuditsAsync()).Last();
        Assert.Equal(AdminAction.TargetDeleted, deleted.Action);
        Assert.Equal("2020: 80 → 2030: 92 · QĐ 1/2026", deleted.OldValue);
        Assert.Null(deleted.NewValue);
        Assert.Equal("VN", (await Targets.ListAsync(admin, haNoi.Id)).Single(r => r.Indicator.Code == "CP03").AdoptedFrom?.Code);
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.TargetAudits.CountAsync(a => a.Action == AuditAction.Delete && a.OldTargetValue == 92));
    }

    [SkippableFact]
    public async Task APreviewSaysWhatAFileChangesAndWritesNothing()
    {
        var admin = await CallerAsync(Roles.Admin);
        Assert.True((await Targets.SaveAsync(admin, await EditAsync("01", 2030, 92))).Succeeded);
        var audits = (await AdminAuditsAsync()).Count;
        var file = TargetFile.Open("targets.csv", Encoding.UTF8.GetBytes(
            "indicator,orgunit,baseline_year,baseline_value,target_year,target_value,source\n" +
            "CP03,01,2020,80,2030,96,QĐ 2\nCP03,01,2020,80,2025,90,QĐ 2\n"), new ImportOptions());

        var (report, changes) = await Targets.PreviewAsync(admin, file.Rows);

        Assert.True(report.Succeeded);
        Assert.Equal((1, 1), (report.ImportCount.Imported, report.ImportCount.Updated));
        Assert.Collection(changes.OrderBy(c => c.Row),
            changed => Assert.Equal((AuditAction.Update, 92.0, 96.0), (changed.Change.Action, changed.Change.OldTargetValue!.Value, changed.Change.NewTargetValue!.Value)),
            created => Assert.Equal((AuditAction.Create, (double?)null, 90.0), (created.Change.Action, created.Change.OldTargetValue, created.Change.NewTargetValue!.Value)));
        Assert.Equal(92, (await StoredAsync("01", 2030))?.TargetValue);
        Assert.Null(await StoredAsync("01", 2025));
        Assert.Equal(audits, (await AdminAuditsAsync()).Count);
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ExportedTargetsImportBackUnchanged(bool xlsx)
    {
        var admin = await CallerAsync(Roles.Admin);
        Assert.True((await Targets.SaveAsync(admin, await EditAsync("01", 2030, 92.25))).Succeeded);
        var rows = await Targets.ExportAsync(admin);
        Assert.Contains(rows, r => r is { Indicator: "CP03", OrgUnit: "01", TargetValue: "92.25", Source: "QĐ 1/2026" });

        using var buffer = new MemoryStream();
        if (xlsx)
            await TargetXlsxWriter.WriteAsync(buffer, rows, CancellationToken.None);
        else
        {
            await using var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true);
            TargetCsv.Write(writer, rows);
        }
        var read = TargetFile.Open(xlsx ? "targets.xlsx" : "targets.csv", buffer.ToArray(), new ImportOptions());
        Assert.Empty(read.Conflicts);
        var (report, changes) = await Targets.PreviewAsync(admin, read.Rows);

        Assert.True(report.Succeeded, string.Join(" ", report.Conflicts.Select(c => c.Message)));
        Assert.Empty(changes);
        Assert.Equal(rows.Count, report.ImportCount.Ignored);
    }
}

public sealed class TargetAdministrationServiceOnSqliteTests() : TargetAdministrationServiceTests(DatabaseProvider.Sqlite);

public sealed class TargetAdministrationServiceOnPostgresTests() : TargetAdministrationServiceTests(DatabaseProvider.PostgreSQL);
