using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Services;
using ChildDashboard.Web.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Web.Api;

// The API's own sign-in: `Authorization: Bearer <personal access token>` or HTTP Basic with a user
// name and password. The principal carries the same roles and scope as a browser session.
public sealed class ApiAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    UserManager<AppUser> users, IUserClaimsPrincipalFactory<AppUser> principals, ApiTokenService tokens, ApiPrincipalCache cache,
    BasicCredentialCache basicCredentials, SignInThrottle throttle, PasswordCheck passwords)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Api";
    private const string ThrottledKey = "ChildDashboard.SignInThrottled";
    private const string TwoFactorKey = "ChildDashboard.BasicRefusedForTwoFactor";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header) || header.Parameter is not { Length: > 0 } credentials)
            return Task.FromResult(AuthenticateResult.NoResult());
        if (header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            return AuthenticateTokenAsync(credentials);
        if (header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
            return AuthenticateBasicAsync(credentials);
        return Task.FromResult(AuthenticateResult.NoResult());
    }

    private async Task<AuthenticateResult> AuthenticateTokenAsync(string token)
    {
        var hash = ApiTokenService.Hash(token);
        if (cache.Find(hash) is { } known)
            return Success(known);
        var owner = await tokens.FindOwnerAsync(token, Context.RequestAborted);
        if (owner is null || await users.FindByIdAsync(owner.UserId) is not { } user || await users.IsLockedOutAsync(user))
            return AuthenticateResult.Fail("The token is unknown, revoked or expired, or its account is locked.");
        var principal = await principals.CreateAsync(user);
        cache.Add(hash, principal, owner.ExpiresAtUtc);
        return Success(principal);
    }

    private async Task<AuthenticateResult> AuthenticateBasicAsync(string credentials)
    {
        if (!TryDecodeBasic(credentials, out var userName, out var password))
            return AuthenticateResult.Fail("Malformed Basic credentials.");
        if (await basicCredentials.FindAsync(userName, password, Context.RequestAborted) is { } known)
            return Success(known);
        if (throttle.TryAttempt(userName, Context.Connection.RemoteIpAddress) is { } wait)
        {
            Context.Items[ThrottledKey] = wait;
            return AuthenticateResult.Fail("Too many sign-in attempts.");
        }
        // A wrong password changes nothing on the account (throttling, not a failure count, stops
        // guessing), so a stranger cannot lock the real user out.
        if (await passwords.CheckAsync(userName, password) is not { } user)
            return AuthenticateResult.Fail("Wrong user name or password.");
        // A password alone must not open an account that signs in with two factors (DHIS2 refuses
        // Basic to such accounts too): its scripts use a personal access token.
        if (user.TwoFactorEnabled)
        {
            Context.Items[TwoFactorKey] = true;
            return AuthenticateResult.Fail("HTTP Basic is refused to accounts with two-factor sign-in.");
        }
        var principal = await principals.CreateAsync(user);
        basicCredentials.Add(userName, password, user, principal);
        return Success(principal);
    }

    private static AuthenticateResult Success(ClaimsPrincipal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // Only Bearer is offered: a Basic challenge would make browsers ask for a password and then
        // send it with any cross-site form post (Basic is still accepted from clients that send it).
        if (Context.Items[ThrottledKey] is TimeSpan wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Problems.WriteAsync(Context, StatusCodes.Status429TooManyRequests, Language.Pick(
                $"Quá nhiều lần đăng nhập bằng mật khẩu; hãy thử lại sau {seconds} giây.",
                $"Too many password sign-ins; try again in {seconds} seconds."));
            return;
        }
        Response.Headers.WWWAuthenticate = "Bearer";
        if (Context.Items.ContainsKey(TwoFactorKey))
        {
            await Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, Language.Pick(
                "Tài khoản này đăng nhập hai bước nên không dùng được HTTP Basic; hãy gửi mã truy cập cá nhân (Authorization: Bearer …).",
                "This account uses two-factor sign-in, so HTTP Basic is refused; send a personal access token (Authorization: Bearer …)."));
            return;
        }
        await Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, Language.Pick(
            "Hãy gửi mã truy cập cá nhân (Authorization: Bearer …) hoặc thông tin đăng nhập HTTP Basic.",
            "Send a personal access token (Authorization: Bearer …) or HTTP Basic credentials."));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, ApiPolicies.ForbiddenDetail(Context.GetEndpoint()));

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
