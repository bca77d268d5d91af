using System.Globalization;
using ChildDashboard.Core;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Core.Services.Administration;

// The app's Core services over a real database (SQLite or PostgreSQL) for the administration tests,
// and callers of each kind: a national or a province user with one role.
public abstract class AdminServicesFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private ServiceProvider? _services;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");
    protected IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialised.");

    protected T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    protected virtual IEnumerable<KeyValuePair<string, string?>> Configuration => [];

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider: provider);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddChildDashboardServices(new ConfigurationBuilder().AddInMemoryCollection(Configuration).Build());
        services.AddSingleton<IDbContextFactory<AppDbContext>>(_database);
        services.AddSingleton<TimeProvider>(_database.Time);
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
            await _services.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    // Messages in English (set in the test's own flow: a culture set inside an awaited helper does not come back).
    protected static void English() => CultureInfo.CurrentUICulture = new CultureInfo("en-US");

    protected async Task<UserAccess> CallerAsync(string role, string unitCode = "VN")
    {
        var catalogue = await Get<CatalogueCache>().GetAsync();
        return new UserAccess($"{role.ToLowerInvariant()}-{unitCode}", [role], Unit(catalogue, unitCode), catalogue.Units);
    }

    protected async Task<OrgUnit> UnitAsync(string code) => Unit(await Get<CatalogueCache>().GetAsync(), code);

    protected static OrgUnit Unit(Catalogue catalogue, string code) =>
        catalogue.Units.FindOpen(code, new DateOnly(2026, 1, 1)) ?? throw new InvalidOperationException(code);

    protected async Task<List<AdminAudit>> AdminAuditsAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.AdminAudits.OrderBy(a => a.Id).ToListAsync();
    }
}
