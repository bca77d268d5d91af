using System.Globalization;
using System.Security.Claims;
using ChildDashboard.Core.Services;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ChildDashboard.Web.Account;

// Sign-in and sign-out are plain form posts: the auth cookie can only be set on an HTTP response,
// not from an interactive circuit.
public static class AccountEndpoints
{
    public const string LoginPath = "/account/login";
    public const string CodePath = "/account/login/code";

    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(LoginPath, async (
            [FromForm] string userName, [FromForm] string password, [FromForm] string? returnUrl,
            HttpContext http, SignInThrottle throttle, PasswordCheck passwords, AppSignInManager signIn) =>
        {
            var back = Uri.EscapeDataString(Cultures.SafeLocalUrl(returnUrl));
            if (throttle.TryAttempt(userName, http.Connection.RemoteIpAddress) is { } wait)
                return Throttled(LoginPath, wait, back);
            if (await passwords.CheckAsync(userName.Trim(), password) is { } user && await signIn.CanSignInAsync(user))
            {
                // An account with two-factor sign-in gets a short-lived cookie naming it, and the code step.
                var result = await signIn.SignInCheckedUserAsync(user);
                return result.RequiresTwoFactor
                    ? Results.Redirect($"{CodePath}?returnUrl={back}")
                    : Results.LocalRedirect(Cultures.SafeLocalUrl(returnUrl));
            }
            return Results.Redirect($"{LoginPath}?error=invalid&returnUrl={back}");
        }).AllowAnonymous();

        // The second step: a code from the authenticator app, or one of the recovery codes (each
        // works once). Throttled like passwords, under the account's own budget for codes.
        endpoints.MapPost(CodePath, async (
            [FromForm] string code, [FromForm] string? returnUrl,
            HttpContext http, SignInThrottle throttle, AppSignInManager signIn) =>
        {
            var back = Uri.EscapeDataString(Cultures.SafeLocalUrl(returnUrl));
            if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
                return Results.Redirect($"{LoginPath}?error=expired&returnUrl={back}");
            if (throttle.TryCodeAttempt(user.UserName ?? "", http.Connection.RemoteIpAddress) is { } wait)
                return Throttled(CodePath, wait, back);
            var typed = code.Replace(" ", "", StringComparison.Ordinal).Trim();
            var result = typed.Length == 6 && typed.All(char.IsAsciiDigit)
                ? await signIn.TwoFactorAuthenticatorSignInAsync(typed, isPersistent: true, rememberClient: false)
                : await signIn.TwoFactorRecoveryCodeSignInAsync(typed.ToUpperInvariant());
            if (result.Succeeded)
                return Results.LocalRedirect(Cultures.SafeLocalUrl(returnUrl));
            return Results.Redirect($"{CodePath}?error={(result.IsLockedOut ? "locked" : "invalid")}&returnUrl={back}");
        }).AllowAnonymous();

        endpoints.MapPost("/account/logout", async (HttpContext http, UserSessionService sessions, SignInManager<AppUser> signIn) =>
        {
            if (http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && UserInfo.SessionId(http.User) is { } sessionId)
                await sessions.EndAsync(userId, sessionId, http.RequestAborted);
            await signIn.SignOutAsync();
            return Results.LocalRedirect(LoginPath);
        }).WithMetadata(new RequireAntiforgeryTokenAttribute()).AddEndpointFilter(RefuseForgedForms);

        // Ending every session and renewing the security stamp invalidates every cookie of the
        // account (sessions at once, open pages within a minute) and every Basic credential cached
        // for it; tokens stay, each revocable on the profile page.
        endpoints.MapPost("/account/logout-everywhere", async (HttpContext http, UserManager<AppUser> users, UserSessionService sessions, SignInManager<AppUser> signIn) =>
        {
            if (await users.GetUserAsync(http.User) is { } user)
            {
                await sessions.EndAllAsync(user.Id, http.RequestAborted);
                await users.UpdateSecurityStampAsync(user);
            }
            await signIn.SignOutAsync();
            return Results.LocalRedirect(LoginPath);
        }).WithMetadata(new RequireAntiforgeryTokenAttribute()).AddEndpointFilter(RefuseForgedForms);
    }

    private static IResult Throttled(string path, TimeSpan wait, string escapedReturnUrl)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        return Results.Redirect($"{path}?error=throttled&minutes={minutes.ToString(CultureInfo.InvariantCulture)}&returnUrl={escapedReturnUrl}");
    }

    // The antiforgery middleware only records a bad token; an endpoint that binds no form must
    // refuse it itself, else another site could sign a user out (or out everywhere).
    private static async ValueTask<object?> RefuseForgedForms(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }
            ? Results.Text(Language.Pick("Biểu mẫu đã hết hạn; hãy tải lại trang.", "The form has expired; reload the page."), statusCode: StatusCodes.Status400BadRequest)
            : await next(context);
}
