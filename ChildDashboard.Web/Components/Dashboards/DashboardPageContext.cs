using System.Security.Claims;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Services;
using ChildDashboard.Web.Account;

namespace ChildDashboard.Web.Components.Dashboards;

// What every dashboard page works out first: the catalogue, the signed-in user's access and today.
public sealed record DashboardPageContext(Catalogue Catalogue, UserAccess Access, DateOnly Today)
{
    public static async Task<DashboardPageContext?> CreateAsync(Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState>? state, CatalogueCache catalogues, TimeProvider time)
    {
        var principal = state is null ? new ClaimsPrincipal() : (await state).User;
        var catalogue = await catalogues.GetAsync();
        return CurrentUser.Access(principal, catalogue) is { } access
            ? new DashboardPageContext(catalogue, access, VietnamClock.Today(time))
            : null;
    }

    // A unit written in a URL: a bare code (today's unit, else the last of that code) or CODE@date.
    public OrgUnit? FindUnit(string? text) =>
        OrgUnitReference.TryParse(text, out var reference, out _) ? Catalogue.Units.Find(reference, Today) : null;

    // How a unit is written in a URL: bare when the bare code finds it, else with its opening date.
    public string UrlCode(OrgUnit unit) =>
        Catalogue.Units.FindCurrent(unit.Code, Today)?.Id == unit.Id ? unit.Code : new OrgUnitReference(unit.Code, unit.OpeningDate).ToString();
}
