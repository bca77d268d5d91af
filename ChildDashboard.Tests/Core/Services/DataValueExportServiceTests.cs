using System.Text;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChildDashboard.Tests.Core.Services;

// The streamed export reads the database directly (a statement on SQLite, a data reader elsewhere)
// on another thread: it must give every stored field as EF reads it, in period, unit, element and
// option order, and stop cleanly when the reader of the stream stops early.
public abstract class DataValueExportServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider: provider);

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    private DataValueExportService Service() => new(Database, new CatalogueCache(Database), Database.Time);

    private async Task ImportAsync(string rows, string by)
    {
        using var store = new ValueStore(new ValueTableLoader(Database), NullLogger<ValueStore>.Instance);
        var service = new DataValueImportService(Database.Writer(), new CatalogueCache(Database), store,
            new DataChangeNotifier(NullLogger<DataChangeNotifier>.Instance), Database.Time, NullLogger<DataValueImportService>.Instance);
        var (read, conflicts) = DataValueCsv.Read(new StringReader("dataelement,period,orgunit,categoryoptioncombo,value,comment\n" + rows));
        Assert.Empty(conflicts);
        var report = await service.ImportAsync(read, new ImportContext(by, null, DryRun: false));
        Assert.Equal(ImportReport.Success, report.Status);
    }

    private async Task<List<ExportedValue>> ExportAsync(params string[] periods)
    {
        var service = Service();
        var plan = await service.PlanAsync(new DataValueExportService.Query(["VN"], periods, [], Children: true), scope: null);
        Assert.Empty(plan.Errors);
        var values = new List<ExportedValue>();
        await foreach (var value in service.StreamAsync(plan))
            values.Add(value);
        return values;
    }

    [SkippableFact]
    public async Task TheStreamHoldsEveryStoredFieldInPeriodUnitElementAndOptionOrder()
    {
        // Written in no particular order, by two people, with comments that need quoting or are long.
        var longComment = string.Concat(Enumerable.Repeat("dài \"quá\", ", 3_000));
        await ImportAsync(
            "TRAFFICKED,2025Q3,48,,2,\n" +
            "HEART_SURGERY,2025Q3,15,MALE,4,\"a, \"\"b\"\"\r\nc 🙂\"\n" +
            "HEART_SURGERY,2025Q3,15,FEMALE,3,\n" +
            "HEART_SURGERY,2025Q3,01,MALE,1e3,\n" +
            "BUDGET_ALLOC,2025,01,,1234567.5,\n", "người nhập");
        await ImportAsync(
            "ABANDONED,2025Q3,01,,17,\"" + longComment.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"\n" +
            "HEART_SURGERY,2025Q3,01,FEMALE,0,\n" +
            "HEART_SURGERY,2024Q4,48,MALE,5,\n", "other");

        var exported = await ExportAsync("2024", "2025");

        await using var db = Database.CreateDbContext();
        var catalogue = await new CatalogueCache(Database).GetAsync();
        var expected = (await db.DataValues.AsNoTracking().ToListAsync())
            .OrderBy(v => v.Period, StringComparer.Ordinal).ThenBy(v => v.OrgUnitId).ThenBy(v => v.DataElementId).ThenBy(v => v.OptionCode, StringComparer.Ordinal)
            .Select(v => new ExportedValue(catalogue.ElementsById[v.DataElementId].Code, v.Period, catalogue.Units[v.OrgUnitId].Code, v.OptionCode,
                v.Value, v.StoredBy, v.LastUpdatedUtc, v.Comment))
            .ToList();
        Assert.Equal(8, expected.Count);
        Assert.Equal(expected, exported);
        Assert.Contains(exported, v => v.Comment == longComment && v.StoredBy == "other");
        Assert.Contains(exported, v => v.Comment == "a, \"b\"\r\nc 🙂" && v.StoredBy == "người nhập");
        Assert.All(exported, v => Assert.Equal(DateTimeKind.Utc, v.LastUpdatedUtc.Kind));
    }

    [SkippableFact]
    public async Task ManyRowsCrossTheReadAheadBatchesInOrder()
    {
        // More rows than a read-ahead batch holds (2,048): the 63 provinces' heart surgeries, 2016–2024.
        var catalogue = await new CatalogueCache(Database).GetAsync();
        var rows = new StringBuilder();
        var provinces = catalogue.Units.OpenOn(new DateOnly(2024, 1, 1), 2).ToList();
        foreach (var year in Enumerable.Range(2016, 9))
        {
            foreach (var province in provinces)
            {
                for (var quarter = 1; quarter <= 4; quarter++)
                    rows.Append($"HEART_SURGERY,{year}Q{quarter},{province.Code},FEMALE,{province.Id % 7},\nHEART_SURGERY,{year}Q{quarter},{province.Code},MALE,{quarter},\n");
            }
        }
        await ImportAsync(rows.ToString(), "bulk");

        var exported = await ExportAsync([.. Enumerable.Range(2016, 9).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(63 * 9 * 4 * 2, exported.Count);
        var keys = exported.Select(v => (v.Period, catalogue.Units.FindOpen(v.OrgUnit, new DateOnly(2024, 1, 1))!.Id, v.CategoryOptionCombo)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Period, StringComparer.Ordinal).ThenBy(k => k.Id).ThenBy(k => k.CategoryOptionCombo, StringComparer.Ordinal), keys);
        Assert.Equal(["FEMALE", "MALE"], exported.Take(2).Select(v => v.CategoryOptionCombo));
    }

    [SkippableFact]
    public async Task AReaderThatStopsEarlyStopsTheReadingAndLeavesTheDatabaseUsable()
    {
        var rows = string.Concat(Enumerable.Range(0, 3).Select(q => $"HEART_SURGERY,2025Q{q + 1},01,MALE,{q},\nHEART_SURGERY,2025Q{q + 1},15,MALE,{q},\n"));
        await ImportAsync(rows, "someone");
        var service = Service();
        var plan = await service.PlanAsync(new DataValueExportService.Query(["VN"], ["2025"], [], Children: true), scope: null);

        await foreach (var first in service.StreamAsync(plan))
        {
            Assert.Equal("2025Q1", first.Period);
            break;
        }
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in service.StreamAsync(plan, cancelled.Token))
            {
            }
        });

        Assert.Equal(6, (await ExportAsync("2025")).Count);
    }
}

public sealed class DataValueExportServiceOnSqliteTests() : DataValueExportServiceTests(DatabaseProvider.Sqlite);

public sealed class DataValueExportServiceOnPostgresTests() : DataValueExportServiceTests(DatabaseProvider.PostgreSQL);
