using System.Net;
using System.Net.WebSockets;
using Microsoft.Playwright;

namespace ChildDashboard.Tests.EndToEnd;

// The hardened edges on the real server (Kestrel) and in a real browser.
[Collection(EndToEndCollection.Name)]
public class SecurityTests(AppFixture app)
{
    [Fact]
    public async Task KestrelSendsNoServerHeaderAndThePagesSecurityHeaders()
    {
        using var http = new HttpClient { BaseAddress = app.Server.BaseAddress };

        var response = await http.GetAsync("account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"));
        Assert.Contains("script-src 'self';", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task TheInteractivePagesRunUnderTheContentSecurityPolicyWithoutAViolation()
    {
        var page = await app.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Refused to", StringComparison.Ordinal))
                violations.Add(message.Text);
        };

        await page.GotoAsync("/");
        await page.FillAsync("#userName", "admin");
        await page.FillAsync("#password", AppServer.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tổng quan: Việt Nam");
        // The language menu answers only once the circuit's WebSocket is up and MudBlazor's script runs.
        var english = page.GetByText("English", new() { Exact = true });
        for (var attempt = 0; attempt < 20 && !await english.IsVisibleAsync(); attempt++)
        {
            await page.GetByLabel("Ngôn ngữ").ClickAsync();
            await page.WaitForTimeoutAsync(250);
        }
        await english.ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Overview: Viet Nam");
        Assert.Empty(violations);
    }

    [Fact]
    public async Task TheApiReferenceRunsUnderItsOwnPolicyWithoutAViolation()
    {
        var page = await app.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Refused to", StringComparison.Ordinal))
                violations.Add(message.Text);
        };

        await page.GotoAsync("/api/docs");

        await Assertions.Expect(page.GetByText("Import data values", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Empty(violations);
    }

    [Fact]
    public async Task ABrowserOnAnotherSiteCannotOpenTheCircuitSocket()
    {
        var socketAddress = new UriBuilder(app.Server.BaseAddress) { Scheme = "ws", Path = "/_blazor" }.Uri;
        using var foreign = new ClientWebSocket();
        foreign.Options.SetRequestHeader("Origin", "https://evil.example");

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => foreign.ConnectAsync(socketAddress, CancellationToken.None));

        Assert.Contains("403", refused.Message);
    }
}
