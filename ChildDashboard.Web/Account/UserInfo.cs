using System.Security.Claims;

using ChildDashboard.Core.Domain;

namespace ChildDashboard.Web.Account;

// The claims a signed-in user carries besides name and roles (see AppClaimsPrincipalFactory).
public static class UserInfo
{
    public const string DisplayNameClaim = "cd:display_name";
    public const string ScopeUnitIdClaim = "cd:scope_unit_id";
    public const string ScopeUnitCodeClaim = "cd:scope_unit_code";
    public const string ScopeUnitNameViClaim = "cd:scope_unit_name_vi";
    public const string ScopeUnitNameEnClaim = "cd:scope_unit_name_en";
    // Present when the account has two-factor sign-in on (AppClaimsPrincipalFactory).
    public const string TwoFactorClaim = "cd:two_factor";
    // The server-side session of this sign-in cookie (SessionCookieEvents).
    public const string SessionClaim = "cd:session";

    public static string DisplayName(ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? "";

    public static string ScopeName(ClaimsPrincipal user) =>
        user.FindFirstValue(Language.IsVietnamese ? ScopeUnitNameViClaim : ScopeUnitNameEnClaim) ?? "";

    public static bool HasTwoFactor(ClaimsPrincipal user) => user.HasClaim(c => c.Type == TwoFactorClaim);

    public static string? SessionId(ClaimsPrincipal user) => user.FindFirstValue(SessionClaim);

    public static IEnumerable<string> Roles(ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role).Select(c => c.Value);
}
