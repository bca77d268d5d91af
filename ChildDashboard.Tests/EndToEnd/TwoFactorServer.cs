using Microsoft.Playwright;

namespace ChildDashboard.Tests.EndToEnd;

// An app of its own for TwoFactorTests, with the app's default: administrators must use two-factor
// sign-in (the shared app turns that off for tests that sign in as `admin` with a password only).
public sealed class TwoFactorServer : IAsyncLifetime
{
    private AppServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public AppServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _server = await AppServer.StartAsync(settings: new Dictionary<string, string> { ["Security__RequireTwoFactorForAdmins"] = "true" });
        _playwright = await Playwright.CreateAsync();
        _browser = await Browser.LaunchAsync(_playwright);
    }

    public async Task<IPage> NewPageAsync(int width = 1440, int height = 900)
    {
        var browser = _browser ?? throw new InvalidOperationException("Not started.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
