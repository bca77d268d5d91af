using System.Net;
using System.Text;
using ChildDashboard.Tests.Web.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Authorization;

// Every routable page and endpoint of the app against every kind of caller, with the expected
// answer in one table. A route that is not in the table fails the test, so a new page or endpoint
// cannot be forgotten; a row whose route is gone fails too.
//
// Columns: Anonymous (true: may open it), then per role the scopes allowed: N national, P the
// province the sample request names (Hà Nội), O another province (Lào Cai). "" = none.
// Allowed: neither 401/403 nor a redirect to the sign-in, access-denied or two-factor set-up page
// (administrators here sign in with two factors, as they must). Denied: 401 (API)
// or sign-in for anonymous callers; 403 problem (API) or the access-denied page otherwise.
public class AuthorizationMatrixTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string All = "NPO";
    private const string NationalAndOwn = "NP";

    public sealed record Row(string Route, string? Sample, bool Anonymous, string Admin, string Leader, string Analyst, string DataEntry);

    private static readonly Row[] Table =
    [
        //  method and route pattern                      sample request (routes with parameters, queries)                 anon   Admin  Leader Analyst DataEntry
        new("GET /",                                      null,                                                             false, All,   All,   All,   All),
        new("GET /profile",                               null,                                                             false, All,   All,   All,   All),
        new("GET /indicators/{Code}",                     "/indicators/CP03",                                               false, All,   All,   All,   All),
        new("GET /map",                                   "/map?indicator=INJ01",                                           false, All,   All,   All,   All),
        new("GET /account/login",                         null,                                                             true,  All,   All,   All,   All),
        new("POST /account/login",                        null,                                                             true,  All,   All,   All,   All),
        new("GET /account/login/code",                    null,                                                             true,  All,   All,   All,   All),
        new("POST /account/login/code",                   null,                                                             true,  All,   All,   All,   All),
        new("GET /account/two-factor",                    null,                                                             false, All,   All,   All,   All),
        new("POST /account/logout",                       null,                                                             false, All,   All,   All,   All),
        new("POST /account/logout-everywhere",            null,                                                             false, All,   All,   All,   All),
        new("GET /account/denied",                        null,                                                             true,  All,   All,   All,   All),
        new("GET /error",                                 null,                                                             true,  All,   All,   All,   All),
        new("GET /admin/users",                           null,                                                             false, All,   "",    "",    ""),
        new("GET /admin/tokens",                          null,                                                             false, All,   "",    "",    ""),
        new("GET /admin/audit",                           null,                                                             false, All,   "",    "",    ""),
        new("GET /provinces/{Code}",                      "/provinces/01",                                                  false, NationalAndOwn, NationalAndOwn, NationalAndOwn, NationalAndOwn),
        new("GET /admin/targets",                         null,                                                             false, All,   "",    All,   ""),
        new("GET /admin/catalogue",                       null,                                                             false, All,   "",    "",    ""),
        new("GET /admin/units",                           null,                                                             false, All,   "",    "",    ""),
        new("GET /admin/settings",                        null,                                                             false, "N",   "",    "",    ""),
        new("GET /entry",                                 null,                                                             false, All,   All,   All,   All),
        new("GET /reporting",                             null,                                                             false, All,   All,   All,   All),
        new("GET /import",                                null,                                                             false, All,   "",    All,   All),
        new("GET /export",                                null,                                                             false, All,   All,   All,   All),
        new("GET /export/values",                         "/export/values?orgUnit=01&period=2024&children=true&format=csv", false, NationalAndOwn, NationalAndOwn, NationalAndOwn, NationalAndOwn),
        new("GET /export/template",                       "/export/template?orgUnit=01&period=2025Q3",                      false, NationalAndOwn, "",    NationalAndOwn, NationalAndOwn),
        new("GET /reports",                               null,                                                             false, All,   All,   All,   All),
        new("GET /reports/download/summary",              "/reports/download/summary?orgUnit=01&period=2024",               false, NationalAndOwn, NationalAndOwn, NationalAndOwn, NationalAndOwn),
        new("GET /reports/download/ministry",             "/reports/download/ministry?orgUnit=01&report=2025",              false, NationalAndOwn, NationalAndOwn, NationalAndOwn, NationalAndOwn),
        new("GET /not-found",                             null,                                                             false, All,   All,   All,   All),
        new("GET /culture/set",                           "/culture/set?culture=en&redirectUri=/",                          true,  All,   All,   All,   All),
        new("GET /health",                                null,                                                             true,  All,   All,   All,   All),
        new("GET /health/ready",                          null,                                                             true,  All,   All,   All,   All),
        new("GET /openapi/{documentName}.json",           "/openapi/v1.json",                                               true,  All,   All,   All,   All),
        new("GET /api/docs/{documentName?}",              "/api/docs/v1",                                                   true,  All,   All,   All,   All),
        new("GET /api/docs/scalar.js",                    null,                                                             true,  All,   All,   All,   All),
        new("GET /api/docs/scalar.aspnetcore.js",         null,                                                             true,  All,   All,   All,   All),
        new("GET /api/docs/favicon.svg",                  null,                                                             true,  All,   All,   All,   All),
        new("GET /{**path:file}",                         "/no-such-file.txt",                                              false,  All,   All,   All,   All),
        new("GET /api/v1/metadata",                       null,                                                             false, All,   All,   All,   All),
        new("GET /api/v1/analytics",                      "/api/v1/analytics?indicator=CP03&orgUnit=01&period=2024",        false, NationalAndOwn, NationalAndOwn, NationalAndOwn, NationalAndOwn),
        new("GET /api/v1/dataValueSets",                  "/api/v1/dataValueSets?orgUnit=01&period=2024",                   false, NationalAndOwn, NationalAndOwn, NationalAndOwn, NationalAndOwn),
        new("GET /api/v1/completeness",                   "/api/v1/completeness?orgUnit=01&period=2025Q3",                  false, NationalAndOwn, NationalAndOwn, NationalAndOwn, NationalAndOwn),
        new("GET /api/v1/templates/entry",                "/api/v1/templates/entry?orgUnit=01&period=2025Q3",               false, NationalAndOwn, "",    NationalAndOwn, NationalAndOwn),
        new("GET /api/v1/reports/summary",                "/api/v1/reports/summary?orgUnit=01&period=2024",                 false, NationalAndOwn, NationalAndOwn, NationalAndOwn, NationalAndOwn),
        new("GET /api/v1/reports/ministry",               "/api/v1/reports/ministry?orgUnit=01&report=2025S1",              false, NationalAndOwn, NationalAndOwn, NationalAndOwn, NationalAndOwn),
        new("GET /api/v1/diagnostics/memory",             null,                                                             false, "N",   "",    "",    ""),
        new("POST /api/v1/dataValueSets",                 null,                                                             false, All,   "",    All,   All),
        new("POST /api/v1/targets",                       null,                                                             false, All,   "",    All,   ""),
    ];

    [Fact]
    public async Task EveryPageAndEndpointAnswersEachCallerAsTheTableSays()
    {
        var routes = Routes();
        var table = Table.ToDictionary(r => r.Route);
        var missing = routes.Where(r => !table.ContainsKey(r)).ToList();
        var stale = table.Keys.Where(r => !routes.Contains(r)).ToList();
        Assert.True(missing.Count == 0, "Routes missing from the authorization matrix (add a row each):\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "Rows of the authorization matrix whose route is gone:\n" + string.Join("\n", stale));

        var callers = await MatrixUsers.CreateAsync(factory);
        var wrong = new List<string>();
        foreach (var row in Table)
            foreach (var caller in callers)
            {
                var expected = Expected(row, caller);
                var (allowed, answer) = await TryAsync(row, caller);
                if (allowed != expected)
                    wrong.Add($"{row.Route} as {caller.Label}: expected {(expected ? "allowed" : "denied")}, got {answer}");
            }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static bool Expected(Row row, MatrixUsers.Caller caller) => caller.Role switch
    {
        null => row.Anonymous,
        "Admin" => row.Admin.Contains(caller.Scope),
        "Leader" => row.Leader.Contains(caller.Scope),
        "Analyst" => row.Analyst.Contains(caller.Scope),
        _ => row.DataEntry.Contains(caller.Scope),
    };

    private static async Task<(bool Allowed, string Answer)> TryAsync(Row row, MatrixUsers.Caller caller)
    {
        var method = row.Route[..row.Route.IndexOf(' ')];
        var url = row.Sample ?? row.Route[(method.Length + 1)..];
        var isApi = url.StartsWith("/api/v1/", StringComparison.Ordinal);
        var client = isApi ? caller.Api : caller.Browser;
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
            // Nothing to import; a form without its antiforgery token. Authorization answers first.
            request.Content = isApi
                ? new StringContent("", Encoding.UTF8, "text/csv")
                : new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "nobody", ["password"] = "-" });
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request);
        }
        catch (BadHttpRequestException e) when (e.InnerException is AntiforgeryValidationException)
        {
            // The in-memory server throws what a real one answers with 400: the form reached its endpoint.
            return (true, "400 antiforgery");
        }
        using var _ = response;
        var location = response.Headers.Location?.OriginalString ?? "";
        var answer = $"{(int)response.StatusCode} {location}".Trim();
        // The access-denied page itself answers 403 to say what it shows.
        var denied = (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden && url != "/account/denied")
            || location.Contains("/account/login?ReturnUrl=", StringComparison.Ordinal) || location.Contains("/account/denied", StringComparison.Ordinal)
            || location.StartsWith("/account/two-factor", StringComparison.Ordinal);
        if (isApi && denied && response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (!denied, answer);
    }

    // Pages and endpoints: everything the app routes except files (static assets) and Blazor's own.
    private HashSet<string> Routes()
    {
        var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var routes = new HashSet<string>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (pattern.StartsWith("/_", StringComparison.Ordinal) || IsStaticAsset(endpoint))
                continue;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            // A page answers GET and (for its forms) POST: the page is its GET.
            var method = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null || methods.Contains("GET") ? "GET" : methods[0];
            routes.Add($"{method} {pattern}");
        }
        return routes;
    }

    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor");
}
