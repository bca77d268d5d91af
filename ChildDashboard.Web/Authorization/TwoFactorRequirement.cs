using System.Security.Claims;
using ChildDashboard.Core.Identity;
using ChildDashboard.Web.Account;
using Microsoft.AspNetCore.Authorization;

namespace ChildDashboard.Web.Authorization;

// Administration pages need an administrator with two-factor sign-in (Security:RequireTwoFactorForAdmins,
// TwoFactorHandler). Not part of the API policies: personal access tokens stay usable, and HTTP
// Basic is refused to every account with two-factor sign-in (ApiAuthenticationHandler), as in DHIS2.
public sealed class TwoFactorRequirement : IAuthorizationRequirement
{
    public static bool MustEnrol(ClaimsPrincipal user, SecurityOptions options) =>
        options.RequireTwoFactorForAdmins && user.Identity?.IsAuthenticated == true
        && user.IsInRole(Roles.Admin) && !UserInfo.HasTwoFactor(user);
}
