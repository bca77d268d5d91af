using Microsoft.AspNetCore.Localization;

namespace ChildDashboard.Web.Localization;

// Vietnamese first, English second; the choice is kept in the standard culture cookie.
public static class Cultures
{
    public const string Vietnamese = "vi-VN";
    public const string English = "en-US";
    public static readonly IReadOnlyList<string> Supported = [Vietnamese, English];

    public static RequestLocalizationOptions LocalizationOptions()
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(Vietnamese)
            .AddSupportedCultures([.. Supported])
            .AddSupportedUICultures([.. Supported]);
        // Pages follow the cookie (the user's own choice), not the browser's language; API clients
        // ask for English messages with Accept-Language.
        options.RequestCultureProviders =
        [
            new CookieRequestCultureProvider(),
            new CustomRequestCultureProvider(async http => http.Request.Path.StartsWithSegments("/api")
                ? await new AcceptLanguageHeaderRequestCultureProvider().DetermineProviderCultureResult(http)
                : null),
        ];
        return options;
    }

    public static void MapCultureEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/culture/set", (string culture, string? redirectUri, HttpContext http) =>
        {
            if (Supported.Contains(culture))
            {
                http.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            }
            return Results.LocalRedirect(SafeLocalUrl(redirectUri));
        }).AllowAnonymous();

    // Only a path on this site: one leading slash, no scheme-relative `//` or `/\`, no control characters.
    public static string SafeLocalUrl(string? url) =>
        url is [ '/', .. var rest ]
            && !rest.StartsWith('/') && !rest.StartsWith('\\')
            && !url.Any(c => char.IsControl(c))
            ? url
            : "/";
}
