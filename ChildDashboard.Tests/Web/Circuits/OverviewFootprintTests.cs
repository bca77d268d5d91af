using System.Reflection;
using Bunit;
using ChildDashboard.Tests.Web.Dashboards;
using ChildDashboard.Web.Components.Layout;
using ChildDashboard.Web.Components.Pages.Dashboards;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ChildDashboard.Tests.Web.Circuits;

// What one open overview holds in server memory: every component instance keeps two render-tree
// buffers (and Mud components their parameter state) for as long as the page is open. A thousand
// leaders on the national overview hold a thousand of each (issue #10), so the count is held down
// here: a heavy component brought back into a row or the layout fails this test.
public class OverviewFootprintTests(ITestOutputHelper output) : DemoDashboardContext
{
    // Before issue #10: the page 421 components and 6,387 frames, the layout 66 and 653. Now 10 and
    // 682, 28 and 345 (the national leader, 39 indicators, six forms to approve).
    private const int MaxPageComponents = 12;
    private const int MaxPageFrames = 800;
    private const int MaxLayoutComponents = 32;
    private const int MaxLayoutFrames = 400;

    [Fact]
    public void TheOverviewWithItsLayoutHoldsFewComponents()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/");
        var layout = Render<MainLayout>(p => p.Add(l => l.Body, builder =>
        {
            builder.OpenComponent<OverviewPage>(0);
            builder.CloseComponent();
        }));
        layout.WaitForAssertion(() => Assert.Equal(39, layout.FindAll("tr.ind-row").Count));
        var page = layout.FindComponent<OverviewPage>();

        var inPage = Census(page);
        var all = Census(layout);
        output.WriteLine($"page: {inPage.Components} components, {inPage.Frames} frames; page and layout: {all.Components} components, {all.Frames} frames");
        foreach (var (type, count, frames) in all.ByType)
            output.WriteLine($"  {count,4} {type} ({frames} frames)");

        Assert.True(inPage.Components <= MaxPageComponents, $"The overview holds {inPage.Components} components.");
        Assert.True(inPage.Frames <= MaxPageFrames, $"The overview holds {inPage.Frames} frames.");
        Assert.True(all.Components - inPage.Components <= MaxLayoutComponents, $"The layout holds {all.Components - inPage.Components} components.");
        Assert.True(all.Frames - inPage.Frames <= MaxLayoutFrames, $"The layout holds {all.Frames - inPage.Frames} frames.");
    }

    private (int Components, int Frames, IReadOnlyList<(string, int, int)> ByType) Census(IRenderedComponent<IComponent> root)
    {
        var components = root.FindComponents<IComponent>().Prepend(root).ToList();
        var frames = components.Sum(c => FrameCount(c.ComponentId));
        var byType = components.GroupBy(c => Name(c.Instance.GetType()))
            .Select(g => (g.Key, g.Count(), g.Sum(c => FrameCount(c.ComponentId)))).OrderByDescending(g => g.Item2).ToList();
        return (components.Count, frames, byType);
    }

    // The renderer's own frames of a component (its current buffer; the previous one is as large).
    // The framework's render-tree types are internal API (BL0006): read through reflection.
    private int FrameCount(int componentId)
    {
        var method = Renderer.GetType().GetMethod("GetCurrentRenderTreeFrames", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!;
        var range = method.Invoke(Renderer, [componentId, .. method.GetParameters().Skip(1).Select(p => p.DefaultValue)])!;
        return (int)range.GetType().GetField("Count")!.GetValue(range)!;
    }

    private static string Name(Type type) => type.IsGenericType ? type.Name[..type.Name.IndexOf('`')] + "<" + string.Join(",", type.GetGenericArguments().Select(Name)) + ">" : type.Name;
}
