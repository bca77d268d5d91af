using ChildDashboard.Web.Localization;
using Microsoft.Playwright;

namespace ChildDashboard.Tests.EndToEnd;

// Screenshots for people to look at (AppFixture.ScreenshotDirectory): the page in Vietnamese and
// English, at a laptop's and a phone's width.
public static class Shots
{
    public static Task TakeAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppFixture.ScreenshotDirectory, name + ".png"), FullPage = true });

    // The current page in both languages and at both widths; back in Vietnamese at 1440 px after.
    public static async Task BothLanguagesAndWidthsAsync(IPage page, string name, Func<IPage, Task> ready)
    {
        var path = "/" + new Uri(page.Url).PathAndQuery.TrimStart('/');
        foreach (var (culture, language) in new[] { (Cultures.English, "en"), (Cultures.Vietnamese, "vi") })
        {
            await page.GotoAsync($"/culture/set?culture={culture}&redirectUri={Uri.EscapeDataString(path)}");
            foreach (var width in new[] { 1440, 390 })
            {
                await page.SetViewportSizeAsync(width, width == 390 ? 844 : 900);
                await ready(page);
                await TakeAsync(page, $"{name}-{language}-{width}");
            }
        }
        await page.SetViewportSizeAsync(1440, 900);
    }
}
