using System.Globalization;
using System.Security.Claims;
using Bunit;
using ChildDashboard.Core;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Tests.Core;
using ChildDashboard.Web.Account;
using ChildDashboard.Web.Authorization;
using ChildDashboard.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Layout;

// The menu is MudNavMenu's markup in one component: the link of the page shown is marked, and the
// links that need a policy show for the roles that have it.
public class NavMenuTests : MudTestContext
{
    private TestDatabase? _database;

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(demoData: false);
        Services.AddChildDashboardServices(new ConfigurationBuilder().Build());
        Services.AddSingleton<IDbContextFactory<ChildDashboard.Core.Persistence.AppDbContext>>(_database);
        Services.AddSingleton<TimeProvider>(_database.Time);
        Services.AddLogging();
    }

    // A national user of the role, with the policies UserAccess grants it (bUnit's authorization
    // answers from the list it is given).
    private async Task SignInAsync(string role)
    {
        await using var db = _database!.CreateDbContext();
        var units = new OrgUnitDirectory(await db.OrgUnits.AsNoTracking().ToListAsync());
        var nation = units.FindCurrent(OrgUnit.NationCode, DateOnly.FromDateTime(TestDatabase.Today.Date))!;
        var access = new UserAccess("someone", [role], nation, units);
        var authorization = AddAuthorization();
        authorization.SetAuthorized("someone");
        authorization.SetRoles(role);
        authorization.SetClaims(new Claim(UserInfo.ScopeUnitIdClaim, nation.Id.ToString(CultureInfo.InvariantCulture)));
        authorization.SetPolicies([.. AccessPolicies.Requirements.Values.Where(r => r.IsMet(access, nation)).Select(r => r.Name)]);
    }

    [Theory]
    [InlineData(Roles.Admin, new[] { "nav-import", "nav-admin", "nav-targets" })]
    [InlineData(Roles.Analyst, new[] { "nav-import", "nav-targets" })]
    [InlineData(Roles.Leader, new string[0])]
    public async Task ThePolicyLinksShowForTheRolesThatHaveThem(string role, string[] shown)
    {
        await SignInAsync(role);

        var menu = Render<NavMenu>();

        menu.WaitForAssertion(() => Assert.Equal(shown, menu.FindAll("a[data-testid]").Select(a => a.GetAttribute("data-testid"))
            .Where(id => id is "nav-import" or "nav-admin" or "nav-targets")));
        Assert.Equal(6 + shown.Length, menu.FindAll("a.mud-nav-link").Count);
        Assert.Equal("Tổng quan", menu.Find("a.mud-nav-link[href='']").TextContent);
    }

    [Fact]
    public async Task TheLinkOfThePageShownIsMarkedAndFollowsNavigation()
    {
        await SignInAsync(Roles.Admin);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/");
        var menu = Render<NavMenu>();

        Assert.Equal(["Tổng quan"], ActiveLinks(menu));
        Assert.Equal("page", menu.Find("a.active").GetAttribute("aria-current"));

        navigation.NavigateTo("/map?period=2025");
        menu.WaitForAssertion(() => Assert.Equal(["Bản đồ, xếp hạng"], ActiveLinks(menu)));

        // A path under a link marks it; the home page only itself; another administration page neither.
        navigation.NavigateTo("/admin/users/new");
        menu.WaitForAssertion(() => Assert.Equal(["Quản trị"], ActiveLinks(menu)));
        navigation.NavigateTo("/admin/tokens");
        menu.WaitForAssertion(() => Assert.Empty(ActiveLinks(menu)));
        Assert.Empty(menu.FindAll("a[aria-current]"));
    }

    private static IEnumerable<string> ActiveLinks(IRenderedComponent<NavMenu> menu) => menu.FindAll("a.mud-nav-link.active").Select(a => a.TextContent);

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
