using Bunit;
using ChildDashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace ChildDashboard.Tests.Web.Circuits;

public class RenderWhenChangedTests : BunitContext
{
    [Fact]
    public void TheContentRendersAgainOnlyWhenItsKeyChanges()
    {
        var shown = "first";
        RenderFragment content = builder => builder.AddContent(0, shown);
        var cut = Render<RenderWhenChanged>(p => p.Add(c => c.Key, (1, "a")).Add(c => c.ChildContent, content));

        shown = "second";
        cut.Render(p => p.Add(c => c.Key, (1, "a")).Add(c => c.ChildContent, content));
        Assert.Equal("first", cut.Markup);

        cut.Render(p => p.Add(c => c.Key, (2, "a")).Add(c => c.ChildContent, content));
        Assert.Equal("second", cut.Markup);
    }
}
