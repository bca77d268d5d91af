using System.Globalization;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChildDashboard.Tests.Core.Services;

// The import page's two steps: a dry run that lists every change old → new, then a commit that
// makes exactly those changes, or none when the stored figures moved since the preview.
public abstract class ImportPreviewTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Header = "dataelement,period,orgunit,categoryoptioncombo,value,comment,deleted\n";
    private const string TargetHeader = "indicator,orgunit,baseline_year,baseline_value,target_year,target_value,source\n";
    private TestDatabase? _database;
    private ValueStore? _store;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider: provider);
        _store = new ValueStore(new ValueTableLoader(Database), NullLogger<ValueStore>.Instance);
    }

    public async Task DisposeAsync()
    {
        _store?.Dispose();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    private DataValueImportService Values() =>
        new(Database.Writer(), new CatalogueCache(Database), _store!, new DataChangeNotifier(NullLogger<DataChangeNotifier>.Instance), Database.Time,
            NullLogger<DataValueImportService>.Instance);

    private Task<ImportReport> ImportAsync(string csv, bool dryRun = false, IReadOnlyList<ImportChange>? previewed = null)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        var (rows, conflicts) = DataValueCsv.Read(new StringReader(Header + csv));
        Assert.Empty(conflicts);
        return Values().ImportAsync(rows, new ImportContext("analyst", null, dryRun) { Previewed = previewed });
    }

    private Task<ImportReport> ImportTargetsAsync(string csv, bool dryRun = false, IReadOnlyList<ImportChange>? previewed = null)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        var (rows, conflicts) = TargetCsv.Read(new StringReader(TargetHeader + csv));
        Assert.Empty(conflicts);
        var service = new TargetImportService(Database, new CatalogueCache(Database), new DataChangeNotifier(NullLogger<DataChangeNotifier>.Instance), Database.Time);
        return service.ImportAsync(rows, new ImportContext("analyst", null, dryRun) { Previewed = previewed });
    }

    private async Task<List<(string, string, double)>> StoredAsync()
    {
        await using var db = Database.CreateDbContext();
        return (await db.DataValues.Include(v => v.DataElement).ToListAsync())
            .Select(v => (v.DataElement!.Code, v.OptionCode, v.Value)).Order().ToList();
    }

    [SkippableFact]
    public async Task ThePreviewListsEveryChangeOldToNewAndTheCommitMakesExactlyThem()
    {
        await ImportAsync("HEART_SURGERY,2025Q3,15,MALE,4,,\nHEART_SURGERY,2025Q3,15,FEMALE,3,,\nSWIM_TRAINED,2025Q3,15,MALE,2,,\n");
        const string file = "HEART_SURGERY,2025Q3,15,MALE,5,sửa,\nHEART_SURGERY,2025Q3,15,FEMALE,,,true\nSWIM_TRAINED,2025Q3,15,MALE,2,,\nSWIM_TRAINED,2025Q3,15,FEMALE,7,,\n";

        var preview = await ImportAsync(file, dryRun: true);
        var unchanged = await StoredAsync();
        var commit = await ImportAsync(file, previewed: preview.Changes);

        Assert.Equal(new ImportCount(1, 1, 1, 1), preview.ImportCount);
        Assert.Equal(preview.ImportCount, commit.ImportCount);
        Assert.Equal(ImportReport.Success, commit.Status);
        Assert.Equal(
            [(2, AuditAction.Update, "HEART_SURGERY", "MALE", 4.0, 5.0, "sửa"), (3, AuditAction.Delete, "HEART_SURGERY", "FEMALE", 3.0, null, null), (5, AuditAction.Create, "SWIM_TRAINED", "FEMALE", null, 7.0, null)],
            preview.Changes.Select(c => (c.Row, c.Action, c.Item, c.Option, c.Old, c.New, c.NewNote)).OrderBy(c => c.Row).ToList<(int, AuditAction, string, string?, double?, double?, string?)>());
        Assert.All(preview.Changes, c => Assert.Equal(("15", "2025Q3"), (c.OrgUnit, c.Period)));
        Assert.Equal([("HEART_SURGERY", "FEMALE", 3.0), ("HEART_SURGERY", "MALE", 4.0), ("SWIM_TRAINED", "MALE", 2.0)], unchanged);
        Assert.Equal([("HEART_SURGERY", "MALE", 5.0), ("SWIM_TRAINED", "FEMALE", 7.0), ("SWIM_TRAINED", "MALE", 2.0)], await StoredAsync());
    }

    [SkippableFact]
    public async Task AFigureChangedSinceThePreviewIsAConflictAndNothingIsWritten()
    {
        await ImportAsync("HEART_SURGERY,2025Q3,15,MALE,4,,\n");
        const string file = "HEART_SURGERY,2025Q3,15,MALE,5,,\nHEART_SURGERY,2025Q3,15,FEMALE,1,,\n";
        var preview = await ImportAsync(file, dryRun: true);

        await ImportAsync("HEART_SURGERY,2025Q3,15,MALE,6,,\n");
        var commit = await ImportAsync(file, previewed: preview.Changes);

        Assert.Equal(ImportReport.Error, commit.Status);
        var conflict = Assert.Single(commit.Conflicts);
        Assert.Equal((2, "value"), (conflict.Row, conflict.Column));
        Assert.Contains("changed since the preview (then: 4, now: 6)", conflict.Message);
        Assert.Equal([("HEART_SURGERY", "MALE", 6.0)], await StoredAsync());
    }

    [SkippableFact]
    public async Task ATargetPreviewShowsOldAndNewAndRefusesATargetChangedSince()
    {
        await ImportTargetsAsync("HRT01,01,2020,100,2030,200,first\n");
        const string file = "HRT01,01,2020,100,2030,240,second\nHRT01,79,,,2030,50,\n";

        var preview = await ImportTargetsAsync(file, dryRun: true);
        await ImportTargetsAsync("HRT01,01,2020,100,2030,220,meanwhile\n");
        var refused = await ImportTargetsAsync(file, previewed: preview.Changes);
        var again = await ImportTargetsAsync(file, dryRun: true);
        var commit = await ImportTargetsAsync(file, previewed: again.Changes);

        Assert.Equal(new ImportCount(1, 1, 0, 0), preview.ImportCount);
        var update = preview.Changes.Single(c => c.Action == AuditAction.Update);
        Assert.Equal(("HRT01", "01", "2030", 200.0, 240.0, "2020: 100 · first", "2020: 100 · second"), (update.Item, update.OrgUnit, update.Period, update.Old, update.New, update.OldNote, update.NewNote));
        Assert.Equal((ImportReport.Error, 2), (refused.Status, Assert.Single(refused.Conflicts).Row));
        Assert.Equal((ImportReport.Success, again.ImportCount), (commit.Status, commit.ImportCount));
    }
}

public sealed class ImportPreviewOnSqliteTests() : ImportPreviewTests(DatabaseProvider.Sqlite);

public sealed class ImportPreviewOnPostgresTests() : ImportPreviewTests(DatabaseProvider.PostgreSQL);
