using System.Security.Claims;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Services;
using ChildDashboard.Web.Account;

namespace ChildDashboard.Web.Api;

// What the API needs to know of the caller: name, roles and scope unit (from CurrentUser).
public static class ApiUser
{
    public static string Name(ClaimsPrincipal user) => user.Identity?.Name ?? "";

    // The unit the caller may read and write; null for national users (everything).
    public static int? ScopeUnitId(ClaimsPrincipal user, Catalogue catalogue) => ScopeUnit(user, catalogue)?.Id;

    // Fails closed: a principal without a known scope unit never reads as national.
    public static OrgUnit? ScopeUnit(ClaimsPrincipal user, Catalogue catalogue) =>
        (CurrentUser.Access(user, catalogue) ?? throw new InvalidOperationException("The caller has no scope unit."))
            .ScopeOrNullIfNational;
}
