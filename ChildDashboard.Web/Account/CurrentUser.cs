using System.Globalization;
using System.Security.Claims;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Services;

namespace ChildDashboard.Web.Account;

// Builds the one UserAccess of a signed-in principal (cookie, token or Basic), for pages, circuits
// and endpoints alike. Null for anonymous callers.
public static class CurrentUser
{
    public static UserAccess? Access(ClaimsPrincipal principal, Catalogue catalogue)
    {
        if (principal.Identity?.IsAuthenticated != true)
            return null;
        var claim = principal.FindFirstValue(UserInfo.ScopeUnitIdClaim);
        if (claim is null || !int.TryParse(claim, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !catalogue.Units.TryGet(id, out var scope))
            return null;
        return new UserAccess(principal.Identity.Name ?? "", UserInfo.Roles(principal), scope, catalogue.Units);
    }
}
