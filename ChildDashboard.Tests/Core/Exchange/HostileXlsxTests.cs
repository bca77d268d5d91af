using System.Globalization;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Exchange.Xlsx;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChildDashboard.Tests.Core.Exchange;

// Every file of the corpus goes the whole way (read, then imported for real, not as a dry run) and
// must be refused with its message, leaving no value, audit or approved form changed.
public abstract class HostileXlsxTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private ValueStore? _store;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider: provider);
        _store = new ValueStore(new ValueTableLoader(Database), NullLogger<ValueStore>.Instance);
        await using var db = Database.CreateDbContext();
        var haNoi = await db.OrgUnits.SingleAsync(u => u.Code == "01" && u.ClosedDate == null);
        db.ReportForms.Add(new ReportForm { OrgUnitId = haNoi.Id, Period = "2025Q4", Status = FormStatus.Approved });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        _store?.Dispose();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    [SkippableFact]
    public async Task EachFileOfTheCorpusIsRefusedWithItsMessageAndWritesNothing()
    {
        Assert.True(HostileXlsxCorpus.Cases.Count >= 30);
        CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        var service = Service();
        int haNoiId;
        await using (var db = Database.CreateDbContext())
            haNoiId = (await db.OrgUnits.SingleAsync(u => u.Code == "01" && u.ClosedDate == null)).Id;

        var failures = new List<string>();
        foreach (var hostile in HostileXlsxCorpus.Cases)
        {
            var messages = await RefusalsAsync(hostile.File(), service, hostile.InScopeOfHaNoiOnly ? haNoiId : null);
            if (!messages.Any(m => m.Contains(hostile.Message, StringComparison.Ordinal)))
                failures.Add($"{hostile.Name}: expected '{hostile.Message}', got [{string.Join(" | ", messages)}]");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await using var check = Database.CreateDbContext();
        Assert.Equal(0, await check.DataValues.CountAsync());
        Assert.Equal(0, await check.DataValueAudits.CountAsync());
    }

    [SkippableFact]
    public async Task ConflictsNameTheSheetTheRowAndTheColumnLetter()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        var file = new XlsxFile().Sheet("DataValues",
            ["orgunit", "period", "dataelement", "value", "categoryoptioncombo"],
            ["15", "2025Q3", "HEART_SURGERY", 4, "MALE"],
            [],
            ["15", "2025Q3", "HEART_SURGERY", -3, "FEMALE"]).Bytes();

        var read = DataValueXlsx.Read(new MemoryStream(file), new XlsxLimits(1 << 20));
        Assert.Empty(read.Conflicts);
        var report = read.Locate(await Service().ImportAsync(read.Rows, new ImportContext("analyst", null, DryRun: false)));

        var conflict = Assert.Single(report.Conflicts);
        Assert.Equal(("DataValues", 4, "D", "-3"), (conflict.Sheet, conflict.Row, conflict.Column, conflict.Value));
    }

    private DataValueImportService Service() => new(Database.Writer(), new CatalogueCache(Database), _store!,
        new DataChangeNotifier(NullLogger<DataChangeNotifier>.Instance), Database.Time, NullLogger<DataValueImportService>.Instance);

    private static async Task<List<string>> RefusalsAsync(byte[] file, DataValueImportService service, int? scope)
    {
        try
        {
            var read = DataValueXlsx.Read(new MemoryStream(file), XlsxLimits.From(new ImportOptions()));
            if (read.Conflicts.Total > 0)
                return [.. read.Conflicts.Select(c => c.Message)];
            var report = await service.ImportAsync(read.Rows, new ImportContext("analyst", scope, DryRun: false));
            return report.Succeeded ? ["(imported)"] : [.. report.Conflicts.Select(c => c.Message)];
        }
        catch (XlsxRefusedException e)
        {
            return [e.Message];
        }
    }
}

public sealed class HostileXlsxOnSqliteTests() : HostileXlsxTests(DatabaseProvider.Sqlite);

public sealed class HostileXlsxOnPostgresTests() : HostileXlsxTests(DatabaseProvider.PostgreSQL);
