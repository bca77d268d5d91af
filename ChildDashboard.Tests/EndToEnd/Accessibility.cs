using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ChildDashboard.Tests.EndToEnd;

// axe-core on the page as it is now: no serious or critical violation of WCAG 2.x A/AA (and axe's
// best practices), each one listed with the elements it found if there is any.
public static class Accessibility
{
    private static readonly string[] Refused = ["serious", "critical"];

    public static async Task AssertNoSeriousViolationsAsync(IPage page, string name)
    {
        var found = await SeriousViolationsAsync(page, name);
        Assert.True(found is null, found);
    }

    // What axe found on the page, or null: for a test that checks several pages before it fails.
    public static async Task<string?> SeriousViolationsAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => Refused.Contains(v.Impact)).ToList();
        return serious.Count == 0 ? null : $"axe on {name} ({page.Url}):\n" + string.Join("\n", serious.Select(Describe));
    }

    private static string Describe(AxeResultItem violation) =>
        $"- {violation.Impact} {violation.Id}: {violation.Help}\n" +
        string.Join("\n", violation.Nodes.Take(5).Select(n => $"    {n.Target}  {n.Html}"));
}
