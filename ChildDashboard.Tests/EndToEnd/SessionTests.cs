using Microsoft.Playwright;

namespace ChildDashboard.Tests.EndToEnd;

// A user signed in on two browsers ends the other one's session on the profile page: that browser
// is signed out at its next request.
[Collection(EndToEndCollection.Name)]
public class SessionTests(AppFixture app)
{
    private async Task<IPage> SignInAsync(string password)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/profile");
        await page.FillAsync("#userName", "lanhdao");
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tài khoản của tôi");
        return page;
    }

    [Fact]
    public async Task EndingASessionOnTheProfilePageSignsThatBrowserOut()
    {
        var password = app.Server.PrintedPassword("lanhdao");
        var other = await SignInAsync(password);
        var page = await SignInAsync(password);
        var rows = page.Locator("tr[data-testid=session-row]");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=session-current]")).ToHaveCountAsync(1);
        await Shots.BothLanguagesAndWidthsAsync(other, "profile-security",
            p => Assertions.Expect(p.Locator("tr[data-testid=session-row]")).ToHaveCountAsync(2));

        // The button answers once the interactive circuit is up.
        var end = page.Locator("button[data-testid=end-session]");
        for (var attempt = 0; attempt < 40 && await rows.CountAsync() == 2; attempt++)
        {
            try
            {
                await end.ClickAsync(new() { Timeout = 2000 });
            }
            catch (TimeoutException)
            {
                // Re-rendered under the pointer; the loop tries again.
            }
            await page.WaitForTimeoutAsync(250);
        }
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=sessions-ended]")).ToBeVisibleAsync();

        await other.ReloadAsync();
        await Assertions.Expect(other.Locator("#userName")).ToBeVisibleAsync();
        Assert.Contains("/account/login", other.Url);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tài khoản của tôi");
    }
}
