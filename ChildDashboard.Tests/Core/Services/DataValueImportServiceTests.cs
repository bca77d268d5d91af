using System.Collections.Concurrent;
using System.Globalization;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChildDashboard.Tests.Core.Services;

public abstract class DataValueImportServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private ValueStore? _store;
    private readonly DataChangeNotifier _notifier = new(NullLogger<DataChangeNotifier>.Instance);
    private readonly ConcurrentQueue<ChangeSet> _published = new();
    private CultureInfo _culture = new("en-US");

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");
    private ValueStore Store => _store ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider: provider);
        _store = new ValueStore(new ValueTableLoader(Database), NullLogger<ValueStore>.Instance);
        _notifier.Subscribe(changes =>
        {
            _published.Enqueue(changes);
            return Task.CompletedTask;
        });
    }

    public async Task DisposeAsync()
    {
        _store?.Dispose();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    // What was published so far: a marker goes out last and, since a subscriber receives change
    // sets in order, everything published before it has arrived when the marker does.
    private async Task<List<ChangeSet>> PublishedAsync()
    {
        var marker = ChangeSet.ForTargets([], [], "marker", DateTimeOffset.MinValue);
        _notifier.Publish(marker);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!_published.Contains(marker))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "The marker change set never arrived.");
            await Task.Delay(5);
        }
        var published = _published.TakeWhile(c => c != marker).ToList();
        _published.Clear();
        return published;
    }

    private DataValueImportService Service() =>
        new(Database.Writer(), new CatalogueCache(Database), Store, _notifier, Database.Time, NullLogger<DataValueImportService>.Instance);

    private Task<ImportReport> ImportAsync(string csv, bool dryRun = false, string? scope = null)
    {
        var (rows, conflicts) = DataValueCsv.Read(new StringReader(csv));
        Assert.Empty(conflicts);
        return ImportAsync(rows, dryRun, scope);
    }

    private async Task<ImportReport> ImportAsync(List<DataValueRow> rows, bool dryRun = false, string? scope = null)
    {
        int? scopeId = null;
        if (scope is not null)
        {
            await using var db = Database.CreateDbContext();
            scopeId = (await db.OrgUnits.Where(u => u.Code == scope && u.ClosedDate == null).SingleAsync()).Id;
        }
        CultureInfo.CurrentUICulture = _culture;
        return await Service().ImportAsync(rows, new ImportContext("analyst", scopeId, dryRun));
    }

    private async Task<int> CountValuesAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.DataValues.CountAsync();
    }

    private const string Header = "dataelement,period,orgunit,categoryoptioncombo,value,comment,deleted\n";

    [SkippableFact]
    public async Task ImportsNewValuesWithAnAuditTrailAndTellsTheDashboards()
    {
        var report = await ImportAsync(Header + "HEART_SURGERY,2025Q3,15,MALE,4,,\nHEART_SURGERY,2025Q3,15,FEMALE,3,,\nPOP_U5,2026,01,,120000,,\n");

        Assert.Equal(ImportReport.Success, report.Status);
        Assert.Equal(new ImportCount(3, 0, 0, 0), report.ImportCount);
        await using var db = Database.CreateDbContext();
        var laoCai = await db.OrgUnits.SingleAsync(u => u.Code == "15" && u.ClosedDate == null);
        Assert.Equal(2, await db.DataValues.CountAsync(v => v.OrgUnitId == laoCai.Id && v.Period == "2025Q3"));
        var audits = await db.DataValueAudits.Include(a => a.Batch).ToListAsync();
        Assert.Equal(3, audits.Count);
        Assert.All(audits, a => Assert.Equal(("analyst", AuditAction.Create), (a.Batch?.ChangedBy, a.Action)));
        Assert.Single(audits.Select(a => a.BatchId).Distinct());
        var element = await db.DataElements.SingleAsync(e => e.Code == "HEART_SURGERY");
        Assert.Equal(7, await Store.ReadAsync(t => t.Get(element.Id, laoCai.Id, Period.Parse("2025Q3"), null)));

        var published = Assert.Single(await PublishedAsync());
        var population = await db.DataElements.SingleAsync(e => e.Code == "POP_U5");
        var units = await db.OrgUnits.Where(u => u.Code == "VN" || u.Code == "01" || u.Id == laoCai.Id).Select(u => u.Id).ToListAsync();
        Assert.Equal(new[] { element.Id, population.Id }.Order(), published.DataElementIds.Order());
        Assert.Equal(units.Order(), published.OrgUnitIds.Order());
        Assert.Equal(["2025Q3", "2026"], published.Periods.Select(p => p.Code));
        Assert.Equal("analyst", published.ChangedBy);
    }

    [SkippableFact]
    public async Task ReimportingTheSameRowsChangesNothing()
    {
        const string csv = Header + "HEART_SURGERY,2025Q3,15,MALE,4,ghi chú,\n";
        await ImportAsync(csv);

        var again = await ImportAsync(csv);

        Assert.Equal(new ImportCount(0, 0, 0, 1), again.ImportCount);
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.DataValueAudits.CountAsync());
        Assert.Single(await PublishedAsync());
    }

    [SkippableFact]
    public async Task UpdatesAndDeletesAreAuditedWithTheOldValue()
    {
        await ImportAsync(Header + "HEART_SURGERY,2025Q3,15,MALE,4,,\nHEART_SURGERY,2025Q3,15,FEMALE,3,,\n");

        var report = await ImportAsync(Header + "HEART_SURGERY,2025Q3,15,MALE,5,sửa,\nHEART_SURGERY,2025Q3,15,FEMALE,,,true\nHEART_SURGERY,2025Q4,15,FEMALE,,,true\n");

        Assert.Equal(new ImportCount(0, 1, 1, 1), report.ImportCount);
        await using var db = Database.CreateDbContext();
        var value = await db.DataValues.SingleAsync();
        Assert.Equal((5.0, "sửa", 1), (value.Value, value.Comment, value.Version));
        var update = await db.DataValueAudits.SingleAsync(a => a.Action == AuditAction.Update);
        var delete = await db.DataValueAudits.SingleAsync(a => a.Action == AuditAction.Delete);
        Assert.Equal((4.0, 5.0, "MALE"), (update.OldValue, update.NewValue, update.OptionCode));
        Assert.Equal((3.0, (double?)null, "FEMALE"), (delete.OldValue, delete.NewValue, delete.OptionCode));
    }

    [SkippableTheory]
    [InlineData("NOPE,2025Q3,15,,1,,", "dataelement", "Unknown data element 'NOPE'.")]
    [InlineData("HEART_SURGERY,2025Q5,15,MALE,1,,", "period", "'2025Q5' is not a period")]
    [InlineData("HEART_SURGERY,2025,15,MALE,1,,", "period", "HEART_SURGERY is reported quarterly")]
    [InlineData("HEART_SURGERY,2025Q3,10,MALE,1,,", "orgunit", "No unit with code '10' was open on 2025-07-01")]
    [InlineData("HEART_SURGERY,2025Q3,99,MALE,1,,", "orgunit", "Unknown unit code '99'.")]
    [InlineData("HEART_SURGERY,2025Q3,15,,1,,", "categoryoptioncombo", "needs one of the options")]
    [InlineData("HEART_SURGERY,2025Q3,15,OTHER,1,,", "categoryoptioncombo", "needs one of the options")]
    [InlineData("ABANDONED,2025Q3,15,MALE,1,,", "categoryoptioncombo", "needs one of the options: default")]
    [InlineData("HEART_SURGERY,2025Q3,15,MALE,-3,,", "value", "Values cannot be negative.")]
    [InlineData("HEART_SURGERY,2025Q3,15,MALE,abc,,", "value", "'abc' is not a number")]
    [InlineData("HEART_SURGERY,2025Q3,15,MALE,\"1,5\",,", "value", "'1,5' is not a number")]
    [InlineData("HEART_SURGERY,2025Q3,15,MALE,1.5,,", "value", "is a count: a whole number is required")]
    [InlineData("HEART_SURGERY,2025Q3,15,MALE,,,", "value", "The value is missing.")]
    [InlineData("HEART_SURGERY,2025Q3,15,MALE,1,,maybe", "deleted", "true or false")]
    public async Task ABadRowWritesNothingAndSaysWhy(string badRow, string column, string message)
    {
        var report = await ImportAsync(Header + "HEART_SURGERY,2025Q3,01,MALE,4,,\n" + badRow + "\n");

        Assert.Equal(ImportReport.Error, report.Status);
        var conflict = Assert.Single(report.Conflicts);
        Assert.Equal(3, conflict.Row);
        Assert.Equal(column, conflict.Column);
        Assert.Contains(message, conflict.Message);
        Assert.Equal(0, await CountValuesAsync());
        Assert.Empty(await PublishedAsync());
    }

    [SkippableFact]
    public async Task ADuplicateKeyInOneFileIsRejected()
    {
        var report = await ImportAsync(Header + "HEART_SURGERY,2025Q3,15,MALE,4,,\nHEART_SURGERY,2025Q3,15,male,5,,\n");

        var conflict = Assert.Single(report.Conflicts);
        Assert.Equal(3, conflict.Row);
        Assert.Contains("Duplicate of row 2", conflict.Message);
    }

    [SkippableFact]
    public async Task YenBaiIsCodeFifteenBeforeTheMerger()
    {
        var report = await ImportAsync(Header + "HEART_SURGERY,2025Q2,15,MALE,4,,\n");

        Assert.True(report.Succeeded);
        await using var db = Database.CreateDbContext();
        Assert.Equal("Yên Bái", (await db.DataValues.Include(v => v.OrgUnit).SingleAsync()).OrgUnit?.NameVi);
    }

    [SkippableFact]
    public async Task AProvinceUserCannotWriteAnotherProvince()
    {
        var report = await ImportAsync(Header + "HEART_SURGERY,2025Q3,01,MALE,4,,\nHEART_SURGERY,2025Q3,79,MALE,4,,\n", scope: "01");

        var conflict = Assert.Single(report.Conflicts);
        Assert.Equal(("orgunit", 3), (conflict.Column, conflict.Row));
        Assert.Contains("outside your scope", conflict.Message);
    }

    [SkippableFact]
    public async Task AnApprovedFormIsLocked()
    {
        await using (var db = Database.CreateDbContext())
        {
            var haNoi = await db.OrgUnits.SingleAsync(u => u.Code == "01");
            db.ReportForms.Add(new ReportForm { OrgUnitId = haNoi.Id, Period = "2025Q4", Status = FormStatus.Approved });
            await db.SaveChangesAsync();
        }

        var report = await ImportAsync(Header + "HEART_SURGERY,2025Q3,01,MALE,4,,\nHEART_SURGERY,2025Q4,01,MALE,4,,\nPOP_U5,2025,01,,1000,,\n");

        Assert.Equal([3, 4], report.Conflicts.Select(c => c.Row));
        Assert.All(report.Conflicts, c => Assert.Contains("approved and locked", c.Message));
    }

    [SkippableFact]
    public async Task ReimportingAnApprovedQuarterUnchangedPasses()
    {
        await ImportAsync(Header + "HEART_SURGERY,2025Q4,01,MALE,4,,\n");
        await using (var db = Database.CreateDbContext())
        {
            var haNoi = await db.OrgUnits.SingleAsync(u => u.Code == "01");
            db.ReportForms.Add(new ReportForm { OrgUnitId = haNoi.Id, Period = "2025Q4", Status = FormStatus.Approved });
            await db.SaveChangesAsync();
        }

        var same = await ImportAsync(Header + "HEART_SURGERY,2025Q4,01,MALE,4,,\n");
        var changed = await ImportAsync(Header + "HEART_SURGERY,2025Q4,01,MALE,5,,\n");

        Assert.Equal(new ImportCount(0, 0, 0, 1), same.ImportCount);
        Assert.Contains("approved and locked", Assert.Single(changed.Conflicts).Message);
    }

    [SkippableFact]
    public async Task AValidationRuleErrorBlocksTheImport()
    {
        var report = await ImportAsync(Header + "CL_IDENTIFIED,2025Q3,01,MALE,10,,\nCL_IDENTIFIED,2025Q3,01,FEMALE,5,,\nCL_AT_RISK,2025Q3,01,,5,,\nCL_SUPPORTED,2025Q3,01,,21,,\n");

        var conflict = Assert.Single(report.Conflicts);
        Assert.Equal(5, conflict.Row);
        Assert.StartsWith("VR01: Children supported cannot exceed", conflict.Message);
        Assert.Contains("21 <= CL_IDENTIFIED+CL_AT_RISK 20", conflict.Message);
        Assert.Equal(0, await CountValuesAsync());
    }

    [SkippableFact]
    public async Task DeletingTheLastValueOfARuleSideSkipsTheRule()
    {
        await ImportAsync(Header + "ABUSE_CHILDREN,2025Q3,01,MALE,10,,\nABUSE_SUPPORTED,2025Q3,01,,5,,\n");

        var report = await ImportAsync(Header + "ABUSE_CHILDREN,2025Q3,01,MALE,,,true\n");

        Assert.Empty(report.Conflicts);
        Assert.Equal(1, report.ImportCount.Deleted);
    }

    [SkippableFact]
    public async Task TheFilesStoredByGoesToTheAuditAndTheValueRecordsTheImporter()
    {
        await ImportAsync(Header.Replace(",deleted", ",storedby") + "HEART_SURGERY,2025Q3,15,MALE,4,,nguyen.van.a\n");

        await using var db = Database.CreateDbContext();
        Assert.Equal("analyst", (await db.DataValues.SingleAsync()).StoredBy);
        Assert.Equal("nguyen.van.a", (await db.DataValueAudits.SingleAsync()).StoredBy);
    }

    [SkippableFact]
    public async Task ValidationRulesSeeTheValuesAlreadyStored()
    {
        await ImportAsync(Header + "CL_IDENTIFIED,2025Q3,01,MALE,10,,\nCL_SUPPORTED,2025Q3,01,,8,,\n");

        var lowered = await ImportAsync(Header + "CL_IDENTIFIED,2025Q3,01,MALE,6,,\n");

        Assert.Contains("VR01", Assert.Single(lowered.Conflicts).Message);
    }

    [SkippableFact]
    public async Task ADryRunChecksAndCountsButWritesNothing()
    {
        var clean = await ImportAsync(Header + "HEART_SURGERY,2025Q3,15,MALE,4,,\n", dryRun: true);
        var dirty = await ImportAsync(Header + "HEART_SURGERY,2025Q3,15,MALE,-4,,\n", dryRun: true);

        Assert.Equal((ImportReport.Success, true, 1), (clean.Status, clean.DryRun, clean.ImportCount.Imported));
        Assert.Equal((ImportReport.Error, true), (dirty.Status, dirty.DryRun));
        Assert.Equal(0, await CountValuesAsync());
        Assert.Empty(await PublishedAsync());
    }

    [SkippableFact]
    public async Task MessagesAreVietnameseByDefault()
    {
        _culture = new CultureInfo("vi-VN");

        var report = await ImportAsync(Header + "HEART_SURGERY,2025Q3,15,MALE,-4,,\n");

        Assert.Equal("Giá trị không được âm.", Assert.Single(report.Conflicts).Message);
    }
}

public sealed class DataValueImportServiceOnSqliteTests() : DataValueImportServiceTests(DatabaseProvider.Sqlite);

public sealed class DataValueImportServiceOnPostgresTests() : DataValueImportServiceTests(DatabaseProvider.PostgreSQL);
