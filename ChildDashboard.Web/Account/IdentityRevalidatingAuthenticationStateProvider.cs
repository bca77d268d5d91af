using System.Security.Claims;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Services;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Web.Account;

// Signs a connected circuit out within a minute once its session is ended (profile page) or the
// user's security stamp changes (password reset, two-factor change, account locked or deleted).
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var sessions = scope.ServiceProvider.GetRequiredService<UserSessionService>();
        var principal = authenticationState.User;
        if (UserInfo.SessionId(principal) is not { } sessionId || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId
            || !await sessions.IsActiveAsync(sessionId, userId, cancellationToken))
            return false;
        return await IsStampCurrentAsync(users, principal);
    }

    private async Task<bool> IsStampCurrentAsync(UserManager<AppUser> users, ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
            return false;
        if (!users.SupportsUserSecurityStamp)
            return true;
        var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await users.GetSecurityStampAsync(user);
    }
}
