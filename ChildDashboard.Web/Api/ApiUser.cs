using System.Globalization;
using System.Security.Claims;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Services;
using ChildDashboard.Web.Account;

namespace ChildDashboard.Web.Api;

// What the API needs to know of the caller: name, roles and scope unit.
public static class ApiUser
{
    public static string Name(ClaimsPrincipal user) => user.Identity?.Name ?? "";

    // The unit the caller may read and write; null for national users (everything).
    public static int? ScopeUnitId(ClaimsPrincipal user, Catalogue catalogue)
    {
        var id = int.Parse(user.FindFirstValue(UserInfo.ScopeUnitIdClaim) ?? "0", CultureInfo.InvariantCulture);
        return catalogue.Units.Root is { } root && root.Id == id ? null : id;
    }

    public static OrgUnit? ScopeUnit(ClaimsPrincipal user, Catalogue catalogue) =>
        ScopeUnitId(user, catalogue) is { } id ? catalogue.Units[id] : null;
}
