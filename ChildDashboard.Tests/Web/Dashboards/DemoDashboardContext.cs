using System.Security.Claims;
using ChildDashboard.Core;
using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using ChildDashboard.Tests.Core;
using ChildDashboard.Web.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Dashboards;

// bUnit on the real Core services and the demo data (to 2026Q3; the test clock reads 29/11/2026),
// signed in as a leader of the given scope.
public abstract class DemoDashboardContext : MudTestContext
{
    private TestDatabase? _database;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    protected virtual string ScopeCode => OrgUnit.NationCode;

    protected virtual string Role => Roles.Leader;

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(demoData: true);
        Services.AddChildDashboardServices(new ConfigurationBuilder().Build());
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(_database);
        Services.AddSingleton<TimeProvider>(_database.Time);
        Services.AddLogging();
        await using var db = Database.CreateDbContext();
        var scope = new OrgUnitDirectory(await db.OrgUnits.AsNoTracking().ToListAsync())
            .FindCurrent(ScopeCode, DateOnly.FromDateTime(TestDatabase.Today.Date))!;
        var authorization = AddAuthorization();
        authorization.SetAuthorized("lanhdao");
        authorization.SetRoles(Role);
        authorization.SetClaims(new Claim(UserInfo.ScopeUnitIdClaim, scope.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    // What a write does after its commit: the stored value, the analytics store, the change set.
    protected async Task AddToStoredValueAsync(string element, string unitCode, string period, double added)
    {
        await using var db = Database.CreateDbContext();
        var catalogue = await Services.GetRequiredService<CatalogueCache>().GetAsync();
        var unit = catalogue.Units.FindOpen(unitCode, Period.Parse(period).Start)!;
        var value = await db.DataValues.FirstAsync(v => v.DataElement!.Code == element && v.Period == period && v.OrgUnitId == unit.Id);
        value.Value += added;
        await db.SaveChangesAsync();
        Services.GetRequiredService<ValueStore>().Apply(
            [new StoredValue(value.DataElementId, value.OrgUnitId, Period.Parse(value.Period), value.OptionCode, value.Value)]);
        Services.GetRequiredService<DataChangeNotifier>().Publish(ChangeSet.ForValues(
            catalogue.Units, [(value.DataElementId, value.OrgUnitId, Period.Parse(value.Period))], "test", DateTimeOffset.UtcNow));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
