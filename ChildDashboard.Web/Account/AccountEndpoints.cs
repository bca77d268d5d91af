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
            SignInManager<AppUser> signIn) =>
        {
            var result = await signIn.PasswordSignInAsync(userName.Trim(), password, isPersistent: true, lockoutOnFailure: true);
            if (result.Succeeded)
                return Results.LocalRedirect(Cultures.SafeLocalUrl(returnUrl));
            var error = result.IsLockedOut ? "locked" : "invalid";
            return Results.Redirect($"{LoginPath}?error={error}&returnUrl={Uri.EscapeDataString(Cultures.SafeLocalUrl(returnUrl))}");
        }).AllowAnonymous();

        endpoints.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(LoginPath);
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
    }
}
