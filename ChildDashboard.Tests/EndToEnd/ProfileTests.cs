using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;

namespace ChildDashboard.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class ProfileTests(AppFixture app)
{
    [Fact]
    public async Task ATokenMadeOnTheProfilePageOpensTheApi()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/profile");
        await page.FillAsync("#userName", "admin");
        await page.FillAsync("#password", AppServer.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tài khoản của tôi");

        // The form answers once the interactive circuit is up.
        var name = page.Locator("input[data-testid=token-name]");
        var create = page.Locator("button[data-testid=create-token]");
        for (var attempt = 0; attempt < 40 && !await create.IsEnabledAsync(); attempt++)
        {
            await name.FillAsync("Kiểm thử đầu cuối");
            await page.WaitForTimeoutAsync(250);
        }
        await create.ClickAsync();
        var created = page.Locator("[data-testid=new-token]");
        await Assertions.Expect(created).ToBeVisibleAsync();
        var token = (await created.InnerTextAsync()).Trim();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppFixture.ScreenshotDirectory, "profile-vi.png"), FullPage = true });

        using var http = new HttpClient { BaseAddress = app.Server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.GetAsync("api/v1/analytics?indicator=CP03&orgUnit=VN&period=2025");

        Assert.StartsWith("cdt_", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"indicator\":\"CP03\"", await response.Content.ReadAsStringAsync());
    }
}
