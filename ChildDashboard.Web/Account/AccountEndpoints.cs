using System.Globalization;
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

    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(LoginPath, async (
            [FromForm] string userName, [FromForm] string password, [FromForm] string? returnUrl,
            HttpContext http, SignInThrottle throttle, PasswordCheck passwords, SignInManager<AppUser> signIn) =>
        {
            var back = Uri.EscapeDataString(Cultures.SafeLocalUrl(returnUrl));
            if (throttle.TryAttempt(userName, http.Connection.RemoteIpAddress) is { } wait)
            {
                var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
                return Results.Redirect($"{LoginPath}?error=throttled&minutes={minutes.ToString(CultureInfo.InvariantCulture)}&returnUrl={back}");
            }
            if (await passwords.CheckAsync(userName.Trim(), password) is { } user && await signIn.CanSignInAsync(user))
            {
                await signIn.SignInAsync(user, isPersistent: true);
                return Results.LocalRedirect(Cultures.SafeLocalUrl(returnUrl));
            }
            return Results.Redirect($"{LoginPath}?error=invalid&returnUrl={back}");
        }).AllowAnonymous();

        endpoints.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(LoginPath);
        }).WithMetadata(new RequireAntiforgeryTokenAttribute()).AddEndpointFilter(RefuseForgedForms);

        // A new security stamp invalidates every cookie of the account (checked each minute, and by
        // open pages within a minute) and every Basic credential cached for it; tokens stay, each
        // revocable on the profile page.
        endpoints.MapPost("/account/logout-everywhere", async (HttpContext http, UserManager<AppUser> users, SignInManager<AppUser> signIn) =>
        {
            if (await users.GetUserAsync(http.User) is { } user)
                await users.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            return Results.LocalRedirect(LoginPath);
        }).WithMetadata(new RequireAntiforgeryTokenAttribute()).AddEndpointFilter(RefuseForgedForms);
    }

    // The antiforgery middleware only records a bad token; an endpoint that binds no form must
    // refuse it itself, else another site could sign a user out (or out everywhere).
    private static async ValueTask<object?> RefuseForgedForms(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }
            ? Results.Text(Language.Pick("Biểu mẫu đã hết hạn; hãy tải lại trang.", "The form has expired; reload the page."), statusCode: StatusCodes.Status400BadRequest)
            : await next(context);
}
