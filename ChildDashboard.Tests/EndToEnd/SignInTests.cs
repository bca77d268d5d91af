using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ChildDashboard.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class SignInTests(AppFixture app)
{
    private static readonly Regex GroupedVietnamese = new(@"^\d{1,3}(\.\d{3})+$");
    private static readonly Regex GroupedEnglish = new(@"^\d{1,3}(,\d{3})+$");

    [Fact]
    public async Task AdminSignsInAndSeesTheVietnameseHomePageWithFigures()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");
        Assert.Contains("/account/login", page.Url);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Theo dõi chỉ tiêu trẻ em");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("sign-in-vi.png") });

        await SignInAsync(page, "admin", AppServer.AdminPassword);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tổng quan: Việt Nam");
        await Assertions.Expect(page.GetByText("Dữ liệu minh hoạ", new() { Exact = false })).ToBeVisibleAsync();
        Assert.Matches(GroupedVietnamese, await ValueOfAsync(page, "INJ05"));
        Assert.Matches(new Regex(@"^\d{2},\d$"), await ValueOfAsync(page, "CP03"));
        await Assertions.Expect(page.GetByText("Quản trị hệ thống")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("home-vi.png"), FullPage = true });
    }

    [Fact]
    public async Task TheLanguageSwitchShowsEnglishAndIsRemembered()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await SignInAsync(page, "admin", AppServer.AdminPassword);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tổng quan: Việt Nam");

        await ChooseLanguageAsync(page, "English");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Overview: Viet Nam");
        Assert.Matches(GroupedEnglish, await ValueOfAsync(page, "INJ05"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("home-en.png"), FullPage = true });

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Overview: Viet Nam");

        await page.GotoAsync("/account/login");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("sign-in-en.png") });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithAMessage()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");

        await SignInAsync(page, "admin", "not-the-password");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
        Assert.Contains("/account/login", page.Url);
    }

    [Fact]
    public async Task TheUserMenuOpensWithTheAccountAndSignOut()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await SignInAsync(page, "admin", AppServer.AdminPassword);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tổng quan: Việt Nam");

        var signOut = page.GetByRole(AriaRole.Menuitem, new() { Name = "Đăng xuất", Exact = true });
        for (var attempt = 0; attempt < 20 && !await signOut.IsVisibleAsync(); attempt++)
        {
            await page.Locator(".user-chip").ClickAsync();
            await page.WaitForTimeoutAsync(250);
        }

        await Assertions.Expect(signOut).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Tài khoản của tôi")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("user-menu-vi.png") });
    }

    private static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
    }

    // The menu answers once the interactive circuit is up, so retry the click until it opens.
    private static async Task ChooseLanguageAsync(IPage page, string language)
    {
        // A click before the circuit is interactive does nothing: click again only when the menu has
        // not opened after a while (clicking on a slow circuit again would close it).
        var item = page.GetByText(language, new() { Exact = true });
        for (var attempt = 0; attempt < 6; attempt++)
        {
            await page.GetByLabel("Ngôn ngữ").ClickAsync();
            try
            {
                await item.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 5_000 });
                break;
            }
            catch (TimeoutException)
            {
                // Not open yet.
            }
        }
        await item.ClickAsync();
    }

    private static async Task<string> ValueOfAsync(IPage page, string indicatorCode)
    {
        var cell = page.Locator($"tr.ind-row[data-indicator={indicatorCode}] td.col-value");
        await Assertions.Expect(cell).Not.ToBeEmptyAsync();
        return (await cell.InnerTextAsync()).Trim();
    }

    private static string Shot(string name) => Path.Combine(AppFixture.ScreenshotDirectory, name);
}
