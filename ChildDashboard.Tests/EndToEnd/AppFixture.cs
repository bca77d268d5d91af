using Microsoft.Playwright;

namespace ChildDashboard.Tests.EndToEnd;

// One running app and one browser for all end-to-end tests.
public sealed class AppFixture : IAsyncLifetime
{
    private AppServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public AppServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public static string ScreenshotDirectory { get; } =
        Environment.GetEnvironmentVariable("SCREENSHOT_DIR") is { Length: > 0 } dir ? dir : Path.Combine(RepoRoot.Path, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        _server = await AppServer.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await Browser.LaunchAsync(_playwright);
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task<IPage> NewPageAsync()
    {
        var browser = _browser ?? throw new InvalidOperationException("Not started.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
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
