using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ChildDashboard.Tests.EndToEnd;

// The leaders' overview in a real browser: a value written through the API by someone else shows
// on an open page without a reload, marked, within a second.
[Collection(EndToEndCollection.Name)]
public class DashboardTests(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task AValueWrittenThroughTheApiShowsOnAnOpenOverviewWithoutAReload()
    {
        // The demo's last quarter (2026Q3 on today's clock) may be approved and locked for Hà Nội: open it.
        var quarter = LastCompleteQuarter();
        await ExecuteAsync($"UPDATE ReportForms SET Status = 'Draft' WHERE Period = '{quarter}' AND OrgUnitId = (SELECT Id FROM OrgUnits WHERE Code = '01' AND ClosedDate IS NULL)");

        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#userName", "admin");
        await page.FillAsync("#password", AppServer.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tổng quan: Việt Nam");
        var row = page.Locator("tr.ind-row[data-indicator=HRT01]");
        var figure = row.Locator("td.col-value");
        await Assertions.Expect(figure).Not.ToHaveTextAsync("—");
        var before = (await figure.InnerTextAsync()).Trim();
        var navigations = 0;
        page.FrameNavigated += (_, _) => navigations++;

        // The writer is another browser context (its own cookies and connection): it writes through the API.
        var writer = (await app.NewPageAsync()).Context;
        var basic = new Dictionary<string, string>
        {
            ["Authorization"] = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{AppServer.AdminPassword}")),
            ["Content-Type"] = "text/csv",
        };
        var csv = $"dataelement,period,orgunit,categoryoptioncombo,value\nHEART_SURGERY,{quarter},01,MALE,5000\n";
        // A dry run first: the password check and the import's first use are not what is measured.
        var dryRun = await writer.APIRequest.PostAsync("/api/v1/dataValueSets?dryRun=true", new() { Headers = basic, DataString = csv });
        Assert.True(dryRun.Ok, await dryRun.TextAsync());
        var started = Stopwatch.GetTimestamp();
        var response = await writer.APIRequest.PostAsync("/api/v1/dataValueSets", new() { Headers = basic, DataString = csv });
        Assert.True(response.Ok, await response.TextAsync());
        var answered = Stopwatch.GetElapsedTime(started);
        // Polled in the page every 20 ms (Playwright's own expectations back off to a second).
        await page.WaitForFunctionAsync(
            "before => document.querySelector('tr.ind-row[data-indicator=HRT01] td.col-value').textContent.trim() !== before",
            before, new() { PollingInterval = 20, Timeout = 10_000 });
        var delay = Stopwatch.GetElapsedTime(started);

        await Assertions.Expect(row).ToHaveClassAsync(new Regex(@"\bchanged\b"));
        Assert.Equal(0, navigations);
        await Assertions.Expect(page.Locator("[data-testid=recent-changes]")).ToContainTextAsync("admin");
        output.WriteLine($"The open overview showed the API's value {delay.TotalMilliseconds:F0} ms after the request started ({answered.TotalMilliseconds:F0} ms until the API answered).");
        foreach (var line in app.Server.Output.Split('\n').Where(l => l.Contains("computed in", StringComparison.Ordinal) || l.Contains("handed to", StringComparison.Ordinal) || l.Contains("Import by", StringComparison.Ordinal)))
            output.WriteLine(line.Trim());
        // The goal is under a second (60–120 ms of it is the recomputation); on the shared 2-core
        // test machine under load the thread pool alone can add seconds, so the bound is looser.
        Assert.True(delay < TimeSpan.FromSeconds(5), $"The page took {delay.TotalMilliseconds:F0} ms.");
        await writer.CloseAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppFixture.ScreenshotDirectory, "overview-live-vi.png"), FullPage = true });
    }

    // The overview's pickers are native selects and its menu plain links (issue #10): they still
    // choose the period, and on a phone the menu still opens over the page and closes after a link.
    [Fact]
    public async Task ThePickersChooseThePeriodAndTheMenuClosesAfterALinkOnAPhone()
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#userName", "admin");
        await page.FillAsync("#password", AppServer.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tổng quan: Việt Nam");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // MudDrawer learns the width from the browser after the circuit starts (slow on a busy machine).
        var drawer = page.Locator("aside.mud-drawer");
        await Assertions.Expect(drawer).ToHaveClassAsync(new Regex(@"\bmud-drawer--closed\b"), new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở hoặc đóng thanh điều hướng" }).ClickAsync();
        await Assertions.Expect(drawer).ToHaveClassAsync(new Regex(@"\bmud-drawer--open\b"));
        await page.ClickAsync("[data-testid=nav-map]");
        await page.WaitForURLAsync(new Regex("/map"));
        await Assertions.Expect(drawer).ToHaveClassAsync(new Regex(@"\bmud-drawer--closed\b"));
        await Assertions.Expect(page.Locator("[data-testid=nav-map]")).ToHaveAttributeAsync("aria-current", "page");

        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("tr.ind-row").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GetByLabel("Năm", new() { Exact = true }).SelectOptionAsync("2024");
        await Assertions.Expect(page.Locator("[data-testid=period-label]")).ToHaveTextAsync("Năm 2024");
        await page.GetByLabel("Kỳ", new() { Exact = true }).SelectOptionAsync("2024Q2");
        await Assertions.Expect(page.Locator("[data-testid=period-label]")).ToHaveTextAsync("Quý II/2024");
        Assert.Contains("period=2024Q2", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-testid=period-picker]")).ToHaveValueAsync("2024Q2");
        await Assertions.Expect(page.Locator("[data-testid=year-picker]")).ToHaveValueAsync("2024");
    }

    private static string LastCompleteQuarter()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var start = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1).AddDays(-1);
        return $"{start.Year}Q{(start.Month - 1) / 3 + 1}";
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={app.Server.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 30;
        await command.ExecuteNonQueryAsync();
    }
}
