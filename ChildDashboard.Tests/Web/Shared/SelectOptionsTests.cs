using ChildDashboard.Web.Components.Shared;

namespace ChildDashboard.Tests.Web.Shared;

public class SelectOptionsTests
{
    [Fact]
    public void TheChosenOptionIsMarkedTheTextEscapedAndEqualListsShared()
    {
        (string, string)[] units = [("VN", "Việt Nam"), ("01", "Hà Nội"), ("x\"y", "<A & B>")];

        var markup = SelectOptions.Of(units, "01");

        Assert.Equal("<option value=\"VN\">Việt Nam</option><option value=\"01\" selected>Hà Nội</option>"
            + "<option value=\"x&quot;y\">&lt;A &amp; B&gt;</option>", markup.Value);
        Assert.Same(markup.Value, SelectOptions.Of(units.ToList(), "01").Value);
        Assert.DoesNotContain("selected", SelectOptions.Of(units, "79").Value, StringComparison.Ordinal);
    }
}
