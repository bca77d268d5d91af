using System.Globalization;
using Bunit;
using System.Security.Claims;
using ChildDashboard.Core;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Tests.Core;
using ChildDashboard.Web.Account;
using ChildDashboard.Web.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Admin;

// bUnit on the real Core services and reference data, signed in with one role at one scope; the
// policies the pages' tabs ask for are granted as UserAccess would grant them.
public abstract class AdminPageContext : MudTestContext
{
    private TestDatabase? _database;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    protected abstract string Role { get; }

    protected virtual string ScopeCode => OrgUnit.NationCode;

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Services.AddChildDashboardServices(new ConfigurationBuilder().Build());
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(_database);
        Services.AddSingleton<TimeProvider>(_database.Time);
        Services.AddLogging();
        await using var db = Database.CreateDbContext();
        var units = new OrgUnitDirectory(await db.OrgUnits.AsNoTracking().ToListAsync());
        var scope = units.FindCurrent(ScopeCode, DateOnly.FromDateTime(TestDatabase.Today.Date))!;
        var access = new ChildDashboard.Core.Identity.UserAccess("tester", [Role], scope, units);
        var authorization = AddAuthorization();
        authorization.SetAuthorized("tester");
        authorization.SetRoles(Role);
        authorization.SetClaims(new Claim(UserInfo.ScopeUnitIdClaim, scope.Id.ToString(CultureInfo.InvariantCulture)));
        authorization.SetPolicies([.. AccessPolicies.Requirements.Values.Where(r => r.IsMet(access, scope)).Select(r => r.Name)]);
    }

    // Clicks until what the click opens is there: the page may still render once more after its
    // data shows (tabs, the file picker), which replaces the button clicked a moment before.
    protected static AngleSharp.Dom.IElement Open<T>(IRenderedComponent<T> page, Func<AngleSharp.Dom.IElement> button, string opened) where T : Microsoft.AspNetCore.Components.IComponent
    {
        page.WaitForAssertion(() =>
        {
            if (page.FindAll(opened).Count == 0)
                button().Click();
            Assert.NotEmpty(page.FindAll(opened));
        });
        return page.Find(opened);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
