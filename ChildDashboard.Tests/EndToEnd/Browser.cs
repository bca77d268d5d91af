using Microsoft.Playwright;

namespace ChildDashboard.Tests.EndToEnd;

// Headless Chromium found in this order: CHROMIUM_PATH, the system's /usr/bin/chromium, else the
// browser Playwright's own installer fetches (only possible on a machine with internet).
public static class Browser
{
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        var options = new BrowserTypeLaunchOptions { Headless = true, Args = Flags };
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured
            ? configured
            : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;
        if (path is not null)
            options.ExecutablePath = path;
        else if (Microsoft.Playwright.Program.Main(["install", "chromium"]) != 0)
            throw new InvalidOperationException("No Chromium: set CHROMIUM_PATH, install Debian's chromium, or allow Playwright to download one.");
        return await playwright.Chromium.LaunchAsync(options);
    }
}
