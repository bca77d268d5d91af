using System.Globalization;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Exchange.Xlsx;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Layout = ChildDashboard.Core.Exchange.EntryTemplateLayout;

namespace ChildDashboard.Tests.Core.Exchange;

// The entry template: the cells the form expects (domain.md §5), and a template filled in by code
// that imports exactly those values, then imports again as unchanged.
public abstract class EntryTemplateTests(DatabaseProvider provider) : IAsyncLifetime
{
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

    private async Task<UserAccess> AccessAsync(string role, string scope)
    {
        var catalogue = await new CatalogueCache(Database).GetAsync();
        return new UserAccess("analyst", [role], catalogue.Units.FindCurrent(scope, new DateOnly(2026, 1, 1))!, catalogue.Units);
    }

    [SkippableFact]
    public async Task YearlyValuesBelongToTheLastQuarterInWhichTheProvinceIsOpen()
    {
        var catalogue = await new CatalogueCache(Database).GetAsync();
        int Yearly(string code, string quarter)
        {
            var period = Period.Parse(quarter);
            return EntryFormCells.For(catalogue, catalogue.Units.FindOpen(code, period.Start)!, period).Count(c => c.Period.Type == PeriodType.Yearly);
        }
        var quarterly = catalogue.Elements.Where(e => e.PeriodType == PeriodType.Quarterly).Sum(e => e.IsDisaggregated ? 2 : 1);
        var yearly = catalogue.Elements.Where(e => e.PeriodType == PeriodType.Yearly).Sum(e => e.IsDisaggregated ? 2 : 1);

        Assert.Equal(quarterly, EntryFormCells.For(catalogue, catalogue.Units.FindOpen("01", new DateOnly(2025, 1, 1))!, Period.Parse("2025Q1")).Count);
        Assert.Equal((0, yearly), (Yearly("01", "2025Q3"), Yearly("01", "2025Q4")));
        Assert.Equal((0, yearly), (Yearly("02", "2025Q1"), Yearly("02", "2025Q2")));
        Assert.Equal((0, 0), (Yearly("15", "2025Q3"), Yearly("15", "2025Q4")));
        Assert.Equal(yearly, Yearly("15", "2026Q4"));
    }

    [SkippableFact]
    public async Task AFilledTemplateImportsExactlyItsValuesAndThenNothingChanges()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var templates = new EntryTemplateService(Database, new CatalogueCache(Database));
        var created = await templates.CreateAsync(await AccessAsync(Roles.DataEntry, "01"), "01", "2025Q4");
        Assert.NotNull(created.Workbook);

        var expected = new Dictionary<(string Element, string Option, string Period), double>();
        using var filled = new MemoryStream();
        using (var workbook = new XLWorkbook(new MemoryStream(created.Workbook)))
        {
            var sheet = workbook.Worksheet(Layout.SheetVi);
            Assert.True(sheet.Column(Layout.OptionCode.Number).IsHidden);
            Assert.False(sheet.Cell(Layout.FirstDataRow, Layout.Value.Number).Style.Protection.Locked);
            Assert.True(sheet.Cell(Layout.FirstDataRow, Layout.ElementCode.Number).Style.Protection.Locked);
            for (var row = Layout.FirstDataRow; !sheet.Cell(row, 1).IsEmpty(); row++)
            {
                var money = sheet.Cell(row, Layout.Kind.Number).GetString().StartsWith("Tiền", StringComparison.Ordinal);
                var value = money ? 2500000.5 : 1;
                sheet.Cell(row, Layout.Value.Number).Value = value;
                expected[(sheet.Cell(row, 1).GetString(), sheet.Cell(row, 2).GetString(), sheet.Cell(row, 3).GetString())] = value;
            }
            workbook.SaveAs(filled);
        }

        var first = await ImportAsync(filled.ToArray());
        await using var db = Database.CreateDbContext();
        var stored = await db.DataValues.Include(v => v.DataElement).Include(v => v.OrgUnit).ToListAsync();
        var again = await ImportAsync((await templates.CreateAsync(await AccessAsync(Roles.DataEntry, "01"), "01", "2025Q4")).Workbook!);

        Assert.Equal((ImportReport.Success, expected.Count), (first.Status, first.ImportCount.Imported));
        Assert.Equal(expected.OrderBy(e => e.Key).ToList(), stored.Select(v => KeyValuePair.Create((v.DataElement!.Code, v.OptionCode, v.Period), v.Value)).OrderBy(e => e.Key).ToList());
        Assert.All(stored, v => Assert.Equal("01", v.OrgUnit!.Code));
        Assert.Equal(new ImportCount(0, 0, 0, expected.Count), again.ImportCount);
    }

    // Issue 12's round trip: the same figures typed into the form (FormService) and filled into
    // the template then imported store the same values, in two databases.
    [SkippableFact]
    public async Task AFilledTemplateStoresWhatTheFormStoresForTheSameFigures()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var clerk = await AccessAsync(Roles.DataEntry, "01");
        var created = await new EntryTemplateService(Database, new CatalogueCache(Database)).CreateAsync(clerk, "01", "2025Q4");
        var figures = new List<(string Element, string Option, double Value)>();
        using var filled = new MemoryStream();
        using (var workbook = new XLWorkbook(new MemoryStream(created.Workbook!)))
        {
            var sheet = workbook.Worksheet(Layout.SheetVi);
            for (var row = Layout.FirstDataRow; !sheet.Cell(row, 1).IsEmpty(); row++)
            {
                var money = sheet.Cell(row, Layout.Kind.Number).GetString().StartsWith("Tiền", StringComparison.Ordinal);
                var value = money ? 1_250_000.5 + row : 1;
                sheet.Cell(row, Layout.Value.Number).Value = value;
                figures.Add((sheet.Cell(row, 1).GetString(), sheet.Cell(row, 2).GetString(), value));
            }
            workbook.SaveAs(filled);
        }
        Assert.Equal(ImportReport.Success, (await ImportAsync(filled.ToArray())).Status);

        await using var typed = await TestDatabase.CreateAsync(provider: provider);
        using var typedStore = new ValueStore(new ValueTableLoader(typed), NullLogger<ValueStore>.Instance);
        var catalogue = await new CatalogueCache(typed).GetAsync();
        var forms = new FormService(typed, new CatalogueCache(typed), typedStore, new DataChangeNotifier(NullLogger<DataChangeNotifier>.Instance), typed.Time);
        var hanoi = catalogue.Units.FindOpen("01", new DateOnly(2025, 10, 1))!;
        var typedClerk = new UserAccess("haNoi", [Roles.DataEntry], hanoi, catalogue.Units);
        foreach (var (element, option, value) in figures)
        {
            var saved = await forms.SaveAsync(typedClerk, new ValueSave(hanoi.Id, "2025Q4", catalogue.ElementsByCode[element].Id, option, null, value, null));
            Assert.True(saved.Succeeded, saved.Message);
        }

        Assert.Equal(await StoredAsync(typed), await StoredAsync(Database));
        Assert.Equal(figures.Count, (await StoredAsync(Database)).Count);
    }

    private static async Task<List<(string, string, string, string, double)>> StoredAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return (await db.DataValues.Include(v => v.DataElement).Include(v => v.OrgUnit).ToListAsync())
            .Select(v => (v.DataElement!.Code, v.OptionCode, v.Period, v.OrgUnit!.Code, v.Value)).Order().ToList();
    }

    [SkippableFact]
    public async Task TheTemplateIsInEnglishForEnglishUsersAndRefusedOutOfScope()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        var templates = new EntryTemplateService(Database, new CatalogueCache(Database));

        var english = await templates.CreateAsync(await AccessAsync(Roles.Analyst, "VN"), "79", "2025Q3");
        var outside = await templates.CreateAsync(await AccessAsync(Roles.DataEntry, "01"), "79", "2025Q3");
        var leader = await templates.CreateAsync(await AccessAsync(Roles.Leader, "VN"), "79", "2025Q3");
        var notAQuarter = await templates.CreateAsync(await AccessAsync(Roles.Analyst, "VN"), "79", "2025");

        using var workbook = new XLWorkbook(new MemoryStream(english.Workbook!));
        Assert.Equal([Layout.SheetEn, "Instructions"], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal("Value", workbook.Worksheet(Layout.SheetEn).Cell(Layout.HeaderRow, Layout.Value.Number).GetString());
        Assert.True((outside.Forbidden, leader.Forbidden) is (true, true));
        Assert.Contains("is not a quarter", notAQuarter.Error);
    }

    private async Task<ImportReport> ImportAsync(byte[] file)
    {
        var read = DataValueXlsx.Read(new MemoryStream(file), new XlsxLimits(1 << 26));
        Assert.Empty(read.Conflicts);
        var service = new DataValueImportService(Database.Writer(), new CatalogueCache(Database), _store!,
            new DataChangeNotifier(NullLogger<DataChangeNotifier>.Instance), Database.Time, NullLogger<DataValueImportService>.Instance);
        return read.Locate(await service.ImportAsync(read.Rows, new ImportContext("haNoi", null, DryRun: false)));
    }
}

public sealed class EntryTemplateOnSqliteTests() : EntryTemplateTests(DatabaseProvider.Sqlite);

public sealed class EntryTemplateOnPostgresTests() : EntryTemplateTests(DatabaseProvider.PostgreSQL);
