using System.Security.Claims;
using ChildDashboard.Core.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace ChildDashboard.Web.Account;

// Ties each sign-in cookie to a server-side session (UserSessionService): a new sign-in starts one
// and names it in the cookie; every request checks that it still exists before Identity's security
// stamp check. The id rides in the ticket's properties (kept when Identity refreshes the cookie)
// and as a claim (what an open page's circuit sees).
public sealed class SessionCookieEvents(UserSessionService sessions) : CookieAuthenticationEvents
{
    private const string SessionItem = "cd.session";

    public override async Task SigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || identity.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { } userId)
            return;
        if (!context.Properties.Items.TryGetValue(SessionItem, out var sessionId) || sessionId is null)
        {
            var http = context.HttpContext;
            sessionId = await sessions.StartAsync(userId, http.Request.Headers.UserAgent.ToString(),
                http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted);
            context.Properties.Items[SessionItem] = sessionId;
        }
        AddSessionClaim(identity, sessionId);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        // A cookie from before sessions existed names none: it signs in again.
        if (userId is null || !context.Properties.Items.TryGetValue(SessionItem, out var sessionId) || sessionId is null
            || !await sessions.IsActiveAsync(sessionId, userId, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        // Identity's stamp check may have rebuilt the principal from the database, without the claim.
        if (context.Principal?.Identity is ClaimsIdentity refreshed)
            AddSessionClaim(refreshed, sessionId);
    }

    private static void AddSessionClaim(ClaimsIdentity identity, string sessionId)
    {
        if (!identity.HasClaim(c => c.Type == UserInfo.SessionClaim))
            identity.AddClaim(new Claim(UserInfo.SessionClaim, sessionId));
    }
}
