using System.Globalization;
using System.Security.Claims;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Web.Account;

// Puts the display name, the scope unit and whether two-factor sign-in is on in the sign-in
// cookie so pages need no lookup.
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options,
    IDbContextFactory<AppDbContext> factory)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        await using var db = await factory.CreateDbContextAsync();
        var unit = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == user.ScopeOrgUnitId);
        identity.AddClaim(new Claim(UserInfo.DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(UserInfo.ScopeUnitIdClaim, unit.Id.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(UserInfo.ScopeUnitCodeClaim, unit.Code));
        identity.AddClaim(new Claim(UserInfo.ScopeUnitNameViClaim, unit.NameVi));
        identity.AddClaim(new Claim(UserInfo.ScopeUnitNameEnClaim, unit.NameEn));
        if (user.TwoFactorEnabled)
            identity.AddClaim(new Claim(UserInfo.TwoFactorClaim, "true"));
        return identity;
    }
}
