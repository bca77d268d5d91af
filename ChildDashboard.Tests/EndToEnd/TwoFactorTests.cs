using ChildDashboard.Tests.Web.Security;
using Microsoft.Playwright;

namespace ChildDashboard.Tests.EndToEnd;

// Two-factor sign-in in a real browser, with administrators required to use it: the administrator
// is sent to set it up before the administration pages; a user turns it on from the profile page
// and signs in with a code from the app and with a recovery code.
[Collection(EndToEndCollection.Name)]
public class TwoFactorTests(TwoFactorServer app) : IClassFixture<TwoFactorServer>
{
    private static async Task PasswordAsync(IPage page, string path, string userName, string password)
    {
        await page.GotoAsync(path);
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
    }

    private static async Task CodeAsync(IPage page, string code)
    {
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Nhập mã xác thực");
        await page.FillAsync("#code", code);
        await page.ClickAsync("button[type=submit]");
    }

    // Turns it on from the set-up page the browser is on; the shared key and the recovery codes.
    private static async Task<(string Key, IReadOnlyList<string> Codes)> EnableAsync(IPage page)
    {
        var key = (await page.Locator("[data-testid=shared-key]").InnerTextAsync()).Trim();
        await page.FillAsync("[data-testid=enable-code]", Totp.Code(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("[data-testid=enable-two-factor]");
        var codes = page.Locator("[data-testid=recovery-codes] li");
        await Assertions.Expect(codes).ToHaveCountAsync(10);
        return (key, (await codes.AllInnerTextsAsync()).Select(c => c.Trim()).ToList());
    }

    [Fact]
    public async Task AnAdministratorWithoutTwoFactorIsSentToSetItUpAndThenSignsInWithACode()
    {
        var admin = await app.NewPageAsync();
        await PasswordAsync(admin, "/admin/users", "admin", AppServer.AdminPassword);

        await Assertions.Expect(admin.Locator("[data-testid=two-factor-required]")).ToBeVisibleAsync();
        Assert.Contains("/account/two-factor?returnUrl=%2Fadmin%2Fusers", admin.Url);
        await Accessibility.AssertNoSeriousViolationsAsync(admin, "two-factor set-up");
        await Shots.TakeAsync(admin, "two-factor-setup-vi-1440");
        var (key, _) = await EnableAsync(admin);
        await Accessibility.AssertNoSeriousViolationsAsync(admin, "recovery codes");
        await Shots.TakeAsync(admin, "two-factor-codes-vi-1440");
        await admin.ClickAsync("[data-testid=two-factor-continue]");
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Quản trị");

        var again = await app.NewPageAsync();
        await PasswordAsync(again, "/admin/users", "admin", AppServer.AdminPassword);
        await Assertions.Expect(again.Locator("h1")).ToHaveTextAsync("Nhập mã xác thực");
        await Accessibility.AssertNoSeriousViolationsAsync(again, "code step");
        await Shots.BothLanguagesAndWidthsAsync(again, "sign-in-code", p => Assertions.Expect(p.Locator("#code")).ToBeVisibleAsync());
        await CodeAsync(again, Totp.NextCode(key));
        await Assertions.Expect(again.Locator("h1")).ToHaveTextAsync("Quản trị");
    }

    [Fact]
    public async Task AUserTurnsItOnFromTheProfileAndSignsInWithACodeAndWithARecoveryCode()
    {
        var password = app.Server.PrintedPassword("nhaplieu.hanoi");
        var page = await app.NewPageAsync();
        await PasswordAsync(page, "/profile", "nhaplieu.hanoi", password);
        await Assertions.Expect(page.Locator("[data-testid=two-factor-status]")).ToContainTextAsync("đang tắt");
        await page.ClickAsync("[data-testid=manage-two-factor]");
        var (key, codes) = await EnableAsync(page);
        await page.ClickAsync("[data-testid=two-factor-continue]");
        await Assertions.Expect(page.Locator("[data-testid=two-factor-status]")).ToContainTextAsync("Còn 10 mã khôi phục");

        var withCode = await app.NewPageAsync();
        await PasswordAsync(withCode, "/profile", "nhaplieu.hanoi", password);
        await CodeAsync(withCode, "000000");
        await Assertions.Expect(withCode.Locator("[data-testid=code-error]")).ToBeVisibleAsync();
        await CodeAsync(withCode, Totp.NextCode(key));
        await Assertions.Expect(withCode.Locator("h1")).ToHaveTextAsync("Tài khoản của tôi");

        var withRecovery = await app.NewPageAsync();
        await PasswordAsync(withRecovery, "/profile", "nhaplieu.hanoi", password);
        await CodeAsync(withRecovery, codes[0]);
        await Assertions.Expect(withRecovery.Locator("h1")).ToHaveTextAsync("Tài khoản của tôi");
        await Assertions.Expect(withRecovery.Locator("[data-testid=two-factor-status]")).ToContainTextAsync("Còn 9 mã khôi phục");
    }
}
