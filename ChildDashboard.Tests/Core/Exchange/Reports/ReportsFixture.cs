using ChildDashboard.Core;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Core.Exchange.Reports;

// The real Core services on one demo database (to 2026Q3; the test clock reads 29/11/2026),
// shared by a test class: the reports only read it.
public sealed class ReportsFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private ServiceProvider? _services;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");
    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialised.");

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(demoData: true);
        var services = new ServiceCollection();
        services.AddChildDashboardServices(new ConfigurationBuilder().Build());
        services.AddSingleton<IDbContextFactory<AppDbContext>>(_database);
        services.AddSingleton<TimeProvider>(_database.Time);
        services.AddLogging();
        _services = services.BuildServiceProvider();
    }

    public async Task<UserAccess> AccessAsync(string role, string scopeCode, string userName = "tester")
    {
        var catalogue = await Get<CatalogueCache>().GetAsync();
        return new UserAccess(userName, [role], catalogue.Units.FindCurrent(scopeCode, DateOnly.FromDateTime(TestDatabase.Today.Date))!, catalogue.Units);
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
            await _services.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
