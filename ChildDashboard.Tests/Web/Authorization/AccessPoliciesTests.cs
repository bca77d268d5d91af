using System.Globalization;
using System.Security.Claims;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Services;
using ChildDashboard.Tests.Web.Api;
using ChildDashboard.Web.Account;
using ChildDashboard.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Authorization;

// The named policies decide with UserAccess: a unit passed as the resource is checked with its
// history (the new Lào Cai reads the old Lào Cai and Yên Bái, not Hà Giang), else the user's scope.
public class AccessPoliciesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<(IAuthorizationService Authorization, Catalogue Catalogue)> ServicesAsync() =>
        (factory.Services.GetRequiredService<IAuthorizationService>(), await factory.Services.GetRequiredService<CatalogueCache>().GetAsync());

    private static ClaimsPrincipal Principal(string role, OrgUnit scope) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, "someone"),
            new Claim(ClaimTypes.Role, role),
            new Claim(UserInfo.ScopeUnitIdClaim, scope.Id.ToString(CultureInfo.InvariantCulture)),
        ], "test"));

    private static OrgUnit Unit(Catalogue catalogue, string code, string date) =>
        catalogue.Units.FindOpen(code, DateOnly.Parse(date, CultureInfo.InvariantCulture)) ?? throw new InvalidOperationException(code);

    [Fact]
    public async Task AUserOfTheNewLaoCaiEntersDataForTheOldLaoCaiAndYenBaiButNotHaGiang()
    {
        var (authorization, catalogue) = await ServicesAsync();
        var user = Principal(Roles.DataEntry, Unit(catalogue, "15", "2025-07-01"));

        foreach (var (code, allowed) in new[] { ("10", true), ("15", true), ("02", false) })
            Assert.Equal(allowed, (await authorization.AuthorizeAsync(user, Unit(catalogue, code, "2024-01-01"), AccessPolicies.EnterData)).Succeeded);
        Assert.True((await authorization.AuthorizeAsync(user, AccessPolicies.EnterData)).Succeeded);
        Assert.False((await authorization.AuthorizeAsync(user, AccessPolicies.Approve)).Succeeded);
    }

    [Fact]
    public async Task AProvinceAdministerAdministersItsProvinceOnlyAndNeverTheSystem()
    {
        var (authorization, catalogue) = await ServicesAsync();
        var hanoi = Unit(catalogue, "01", "2025-07-01");
        var provinceAdmin = Principal(Roles.Admin, hanoi);
        var nationalAdmin = Principal(Roles.Admin, catalogue.Units.FindOpen(OrgUnit.NationCode, DateOnly.FromDateTime(DateTime.Today))!);

        Assert.True((await authorization.AuthorizeAsync(provinceAdmin, hanoi, AccessPolicies.Administer)).Succeeded);
        Assert.False((await authorization.AuthorizeAsync(provinceAdmin, Unit(catalogue, "15", "2025-07-01"), AccessPolicies.Administer)).Succeeded);
        Assert.False((await authorization.AuthorizeAsync(provinceAdmin, AccessPolicies.AdministerSystem)).Succeeded);
        Assert.True((await authorization.AuthorizeAsync(nationalAdmin, AccessPolicies.AdministerSystem)).Succeeded);
    }

    [Fact]
    public async Task NoPolicyAdmitsAnonymousCallersOrAnUnknownScope()
    {
        var (authorization, _) = await ServicesAsync();
        var stranger = new ClaimsPrincipal(new ClaimsIdentity());
        var unknownScope = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Admin), new Claim(UserInfo.ScopeUnitIdClaim, "999999")], "test"));

        foreach (var policy in AccessPolicies.Requirements.Keys)
        {
            Assert.False((await authorization.AuthorizeAsync(stranger, policy)).Succeeded);
            Assert.False((await authorization.AuthorizeAsync(unknownScope, policy)).Succeeded);
        }
    }
}
