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
            new CustomRequestCultureProvider(http => Task.FromResult(http.Request.Path.StartsWithSegments("/api")
                ? FromAcceptLanguage(http.Request.Headers.AcceptLanguage)
                : null)),
        ];
        return options;
    }

    // By language, not by exact culture: `en`, `en-GB` and `en-US` all mean English, `vi` Vietnamese;
    // the first of the two in order of preference wins.
    public static ProviderCultureResult? FromAcceptLanguage(Microsoft.Extensions.Primitives.StringValues header)
    {
        if (!Microsoft.Net.Http.Headers.StringWithQualityHeaderValue.TryParseList(header, out var languages))
            return null;
        foreach (var language in languages.Where(l => l.Quality is null or > 0).OrderByDescending(l => l.Quality ?? 1))
        {
            var name = language.Value.Value ?? "";
            var chosen = name.Equals("en", StringComparison.OrdinalIgnoreCase) || name.StartsWith("en-", StringComparison.OrdinalIgnoreCase) ? English
                : name.Equals("vi", StringComparison.OrdinalIgnoreCase) || name.StartsWith("vi-", StringComparison.OrdinalIgnoreCase) ? Vietnamese
                : null;
            if (chosen is not null)
                return new ProviderCultureResult(chosen);
        }
        return null;
    }

    public static void MapCultureEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/culture/set", (string culture, string? redirectUri, HttpContext http) =>
        {
            if (Supported.Contains(culture))
            {
                http.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
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
