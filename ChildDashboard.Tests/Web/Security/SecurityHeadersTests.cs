using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChildDashboard.Tests.Web.Security;

public class SecurityHeadersTests(SignInFactory factory) : IClassFixture<SignInFactory>
{
    private HttpClient Client(string baseAddress = "http://localhost") =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false });

    [Fact]
    public async Task PagesSendAContentSecurityPolicyBlazorServerAndMudBlazorLiveWith()
    {
        var response = await Client().GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Contains("style-src 'self' 'unsafe-inline'", policy);
        Assert.Contains("connect-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Server"));
        // The page renders no inline script, which the policy would block.
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("type=\"importmap\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ApiAnswersAllowNothingAndAreNotSniffed()
    {
        var response = await Client().GetAsync("/api/v1/metadata");

        Assert.Equal("default-src 'none'; frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task HstsIsSentOverHttpsOnly()
    {
        var overHttps = await Client("https://dashboard.example").GetAsync("/account/login");
        var overHttp = await Client("http://dashboard.example").GetAsync("/account/login");

        Assert.StartsWith("max-age=31536000", Assert.Single(overHttps.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task BehindATlsProxyOnLoopbackTheSchemeIsHttpsAndCookiesAreSecure()
    {
        var client = Client("http://dashboard.example");
        client.DefaultRequestHeaders.Add(SignInFactory.ClientHeader, "127.0.0.1");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        var response = await client.GetAsync("/account/login");

        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
        var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ForwardedHeadersFromAStrangerAreIgnored()
    {
        var client = Client("http://dashboard.example");
        client.DefaultRequestHeaders.Add(SignInFactory.ClientHeader, "198.51.100.9");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var response = await client.GetAsync("/account/login");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task AWebSocketHandshakeWithAForeignOriginIsRefused()
    {
        var sockets = factory.Server.CreateWebSocketClient();
        sockets.ConfigureRequest = request => request.Headers.Origin = "https://evil.example";

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => sockets.ConnectAsync(new Uri("ws://localhost/_blazor"), CancellationToken.None));

        Assert.Contains("403", refused.Message);
    }

    [Fact]
    public async Task ACircuitNegotiationFromAForeignOriginIsRefusedAndFromItsOwnIsNot()
    {
        var client = Client();
        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1") { Headers = { { "Origin", "https://evil.example" } } };
        using var own = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1") { Headers = { { "Origin", "http://localhost" } } };

        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(foreign)).StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, (await client.SendAsync(own)).StatusCode);
    }

    [Fact]
    public void TheOriginCheckComparesSchemeHostAndPort()
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Host = new Microsoft.AspNetCore.Http.HostString("dashboard.example");

        Assert.True(ChildDashboard.Web.Security.WebSocketOrigin.IsSameOrigin("https://dashboard.example", context.Request));
        Assert.True(ChildDashboard.Web.Security.WebSocketOrigin.IsSameOrigin("https://DASHBOARD.example/", context.Request));
        Assert.False(ChildDashboard.Web.Security.WebSocketOrigin.IsSameOrigin("http://dashboard.example", context.Request));
        Assert.False(ChildDashboard.Web.Security.WebSocketOrigin.IsSameOrigin("https://dashboard.example:8443", context.Request));
        Assert.False(ChildDashboard.Web.Security.WebSocketOrigin.IsSameOrigin("https://dashboard.example.evil.example", context.Request));
        Assert.False(ChildDashboard.Web.Security.WebSocketOrigin.IsSameOrigin("null", context.Request));
    }
}
