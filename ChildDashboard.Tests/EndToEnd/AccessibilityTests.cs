using Microsoft.Playwright;

namespace ChildDashboard.Tests.EndToEnd;

// Every main page, signed in as the national administrator, has no serious or critical axe-core
// violation, nor has the sign-in page (the two-factor pages are checked in TwoFactorTests).
[Collection(EndToEndCollection.Name)]
public class AccessibilityTests(AppFixture app)
{
    public static readonly string[] Pages =
    [
        "/", "/indicators/CP03", "/map", "/provinces/01", "/entry", "/reporting", "/import", "/export", "/reports",
        "/admin/users", "/admin/tokens", "/admin/audit", "/admin/targets", "/admin/catalogue", "/admin/units", "/admin/settings", "/profile",
    ];

    [Fact]
    public async Task TheMainPagesHaveNoSeriousOrCriticalViolations()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "sign-in");
        await page.FillAsync("#userName", "admin");
        await page.FillAsync("#password", AppServer.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        var found = new List<string?>();
        foreach (var path in Pages)
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            // The interactive circuit renders the page's data after the prerendered frame.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            found.Add(await Accessibility.SeriousViolationsAsync(page, path));
        }

        // The user menu, open.
        await page.GotoAsync("/");
        var signOut = page.GetByRole(AriaRole.Menuitem, new() { Name = "Đăng xuất", Exact = true });
        for (var attempt = 0; attempt < 20 && !await signOut.IsVisibleAsync(); attempt++)
        {
            await page.Locator(".user-chip").ClickAsync();
            await page.WaitForTimeoutAsync(250);
        }
        await Assertions.Expect(signOut).ToBeVisibleAsync();
        found.Add(await Accessibility.SeriousViolationsAsync(page, "user menu"));

        Assert.True(found.All(f => f is null), string.Join("\n", found.OfType<string>()));
    }
}
