using Microsoft.Playwright;

namespace ChildDashboard.Tests.EndToEnd;

// An administrator creates a province data-entry user on the users page; the change is in the
// audit log; the new user signs in with the province as their scope and no administration.
[Collection(EndToEndCollection.Name)]
public class AdminTests(AppFixture app)
{
    private const string NewPassword = "Mist-Over-Fansipan-2026";

    private static async Task SignInAsync(IPage page, string path, string userName, string password)
    {
        await page.GotoAsync(path);
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
    }

    [Fact]
    public async Task AnAdministratorCreatesAProvinceDataEntryUserWhoSignsInToThatProvinceOnly()
    {
        var admin = await app.NewPageAsync();
        await SignInAsync(admin, "/admin/users", "admin", AppServer.AdminPassword);
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Quản trị");

        // The form answers once the interactive circuit is up.
        var name = admin.Locator("input[data-testid=new-user-name]");
        var create = admin.Locator("button[data-testid=create-user]");
        for (var attempt = 0; attempt < 40 && !await create.IsEnabledAsync(); attempt++)
        {
            await name.FillAsync("nhaplieu.laocai");
            await admin.WaitForTimeoutAsync(250);
        }
        await admin.Locator("input[data-testid=new-password]").FillAsync(NewPassword);
        // A re-render may swallow the first choice: choose until the select shows it.
        var unit = admin.Locator("[data-testid=new-unit]");
        for (var attempt = 0; attempt < 5 && await unit.InputValueAsync() != "15 · Lào Cai"; attempt++)
        {
            await unit.Locator("xpath=ancestor::div[contains(@class,'mud-select')][1]").ClickAsync();
            await admin.GetByRole(AriaRole.Option, new() { Name = "15 · Lào Cai", Exact = true }).ClickAsync();
            await admin.WaitForTimeoutAsync(250);
        }
        await Assertions.Expect(unit).ToHaveValueAsync("15 · Lào Cai");
        await create.ClickAsync();
        await Assertions.Expect(admin.Locator("[data-testid=admin-done]")).ToContainTextAsync("nhaplieu.laocai");
        var row = admin.Locator("tr[data-testid=user-row]", new() { HasText = "nhaplieu.laocai" });
        await Assertions.Expect(row).ToContainTextAsync("15 · Lào Cai");
        await Assertions.Expect(row).ToContainTextAsync("Cán bộ nhập liệu");
        await admin.GotoAsync("/admin/audit");
        await Assertions.Expect(admin.Locator("tr[data-testid=audit-row]", new() { HasText = "nhaplieu.laocai" })).ToContainTextAsync("Tạo người dùng");

        var user = await app.NewPageAsync();
        await SignInAsync(user, "/profile", "nhaplieu.laocai", NewPassword);
        await Assertions.Expect(user.Locator("h1")).ToHaveTextAsync("Tài khoản của tôi");
        await Assertions.Expect(user.GetByText("Phạm vi: Lào Cai")).ToBeVisibleAsync();
        await Assertions.Expect(user.Locator("[data-testid=nav-admin]")).ToHaveCountAsync(0);
        await user.GotoAsync("/admin/users");
        await Assertions.Expect(user.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
    }
}
