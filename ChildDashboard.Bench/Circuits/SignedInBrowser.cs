using System.Net;
using System.Text.RegularExpressions;

namespace ChildDashboard.Bench.Circuits;

// What a browser does before blazor.web.js starts a circuit: sign in through the static form
// (antiforgery token and cookie), then load a page and read its prerendered component markers.
public sealed partial class SignedInBrowser : IDisposable
{
    private readonly HttpClient _http;

    private SignedInBrowser(HttpClient http, CookieContainer cookies)
    {
        _http = http;
        Cookies = cookies;
    }

    public CookieContainer Cookies { get; }

    public Uri BaseAddress => _http.BaseAddress!;

    public static async Task<SignedInBrowser> SignInAsync(Uri server, string userName, string password)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, MaxConnectionsPerServer = 64 })
        {
            BaseAddress = server,
            Timeout = TimeSpan.FromMinutes(2),
        };
        var form = await http.GetStringAsync("account/login");
        var token = AntiforgeryToken().Match(form) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        using var answer = await http.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = "/",
        }));
        if (answer.StatusCode != HttpStatusCode.Redirect || answer.Headers.Location?.OriginalString.Contains("error", StringComparison.Ordinal) != false)
            throw new InvalidOperationException($"Sign-in as {userName} failed ({(int)answer.StatusCode} {answer.Headers.Location}).");
        return new SignedInBrowser(http, cookies);
    }

    // GET of an interactive page: the server component markers in document order and the
    // persisted component state, as blazor.web.js discovers them.
    public async Task<PrerenderedPage> LoadAsync(string path)
    {
        using var answer = await _http.GetAsync(path);
        if (answer.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {path} answered {(int)answer.StatusCode} {answer.Headers.Location}.");
        var html = await answer.Content.ReadAsStringAsync();
        var markers = ComponentMarker().Matches(html).Select(m => m.Groups[1].Value)
            .Where(json => json.Contains("\"type\":\"server\"", StringComparison.Ordinal))
            .ToList();
        var state = ServerState().Match(html) is { Success: true } s ? s.Groups[1].Value : "";
        return new PrerenderedPage(new Uri(BaseAddress, path), markers, state, html.Length);
    }

    public Task<HttpResponseMessage> PostAsync(string path, HttpContent content) => _http.PostAsync(path, content);

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->")]
    private static partial Regex ComponentMarker();

    [GeneratedRegex("<!--Blazor-Server-Component-State:([a-zA-Z0-9+/=]+)-->")]
    private static partial Regex ServerState();
}

public sealed record PrerenderedPage(Uri Address, IReadOnlyList<string> ServerMarkers, string ServerState, int HtmlLength);
