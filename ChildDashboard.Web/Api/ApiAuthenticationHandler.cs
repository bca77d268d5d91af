using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Web.Api;

// The API's own sign-in: `Authorization: Bearer <personal access token>` or HTTP Basic with a user
// name and password. The principal carries the same roles and scope as a browser session.
public sealed class ApiAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    UserManager<AppUser> users, IUserClaimsPrincipalFactory<AppUser> principals, ApiTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Api";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header) || header.Parameter is not { Length: > 0 } credentials)
            return AuthenticateResult.NoResult();

        AppUser? user = null;
        if (header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            if (await tokens.FindUserIdAsync(credentials, Context.RequestAborted) is { } userId)
                user = await users.FindByIdAsync(userId);
            if (user is null)
                return AuthenticateResult.Fail("The token is unknown, revoked or expired.");
        }
        else if (header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            if (!TryDecodeBasic(credentials, out var userName, out var password))
                return AuthenticateResult.Fail("Malformed Basic credentials.");
            user = await users.FindByNameAsync(userName);
            if (user is null || await users.IsLockedOutAsync(user))
                return AuthenticateResult.Fail("Wrong user name or password.");
            if (!await users.CheckPasswordAsync(user, password))
            {
                await users.AccessFailedAsync(user);
                return AuthenticateResult.Fail("Wrong user name or password.");
            }
            await users.ResetAccessFailedCountAsync(user);
        }
        else
        {
            return AuthenticateResult.NoResult();
        }

        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Basic realm=\"ChildDashboard\", Bearer";
        await Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Authentication required",
            "Send a personal access token (Authorization: Bearer …) or HTTP Basic credentials.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "Your role does not allow this request.");

    private static bool TryDecodeBasic(string encoded, out string userName, out string password)
    {
        userName = password = "";
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = text.IndexOf(':');
            if (colon <= 0)
                return false;
            (userName, password) = (text[..colon], text[(colon + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
