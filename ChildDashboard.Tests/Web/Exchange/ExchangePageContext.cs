using System.Security.Claims;
using ChildDashboard.Core;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using ChildDashboard.Tests.Core;
using ChildDashboard.Web.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Exchange;

// bUnit on the real Core services and reference data, signed in with a role and scope of the test's choosing.
public abstract class ExchangePageContext : MudTestContext
{
    private TestDatabase? _database;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    // Small enough that a test can go over it.
    protected const long MaxFileBytes = 64 * 1024;

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Import:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .Build();
        Services.AddChildDashboardServices(configuration);
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(_database);
        Services.AddSingleton<TimeProvider>(_database.Time);
        Services.AddSingleton(_database.Writer());
        Services.AddLogging();
    }

    protected async Task SignInAsync(string role, string scopeCode)
    {
        // Before the first service is resolved: bUnit's authorization services are added here.
        await using var db = Database.CreateDbContext();
        var scope = new OrgUnitDirectory(await db.OrgUnits.AsNoTracking().ToListAsync()).FindCurrent(scopeCode, DateOnly.FromDateTime(TestDatabase.Today.Date))!;
        var authorization = AddAuthorization();
        authorization.SetAuthorized("tester");
        authorization.SetRoles(role);
        authorization.SetClaims(new Claim(UserInfo.ScopeUnitIdClaim, scope.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    // Stored as another user would store them, through the same service.
    protected async Task StoreAsync(string csvRows)
    {
        var (rows, conflicts) = DataValueCsv.Read(new StringReader("dataelement,period,orgunit,categoryoptioncombo,value,comment\n" + csvRows));
        Assert.Empty(conflicts);
        var report = await Services.GetRequiredService<DataValueImportService>().ImportAsync(rows, new ImportContext("someone", null, DryRun: false));
        Assert.Equal(ImportReport.Success, report.Status);
    }

    protected async Task<List<(string Element, string Option, double Value)>> StoredAsync()
    {
        await using var db = Database.CreateDbContext();
        return (await db.DataValues.Include(v => v.DataElement).ToListAsync()).Select(v => (v.DataElement!.Code, v.OptionCode, v.Value)).Order().ToList();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
