using Bunit;
using ChildDashboard.Core.Identity;
using ChildDashboard.Web.Components.Pages.Exchange;

namespace ChildDashboard.Tests.Web.Exchange;

// The test clock reads 29/11/2026: the latest quarter due is 2026Q3.
public class ExportPageTests : ExchangePageContext
{
    private static string Href(IRenderedComponent<ExportPage> page, string testId) =>
        page.Find($"[data-testid='{testId}']").GetAttribute("href") ?? "";

    [Fact]
    public async Task TheLinksDownloadTheSelectionTheTemplateAndLeadToTheReports()
    {
        await SignInAsync(Roles.DataEntry, "01");
        var page = Render<ExportPage>();
        page.WaitForElement("[data-testid='export-download']");

        Assert.Equal("export/values?orgUnit=01&period=2026&children=true&format=csv", Href(page, "export-download"));
        Assert.True(page.Find("[data-testid='export-download']").HasAttribute("download"));
        Assert.Equal("export/template?orgUnit=01&period=2026Q3", Href(page, "template-download"));
        Assert.Equal("reports", Href(page, "export-reports"));
        Assert.Contains("Số liệu đã lưu", page.Markup);
    }

    [Fact]
    public async Task ChoosingExcelChangesTheLinksFormatAndANationalUserStartsAtTheNation()
    {
        await SignInAsync(Roles.Analyst, "VN");
        var page = Render<ExportPage>();
        page.WaitForElement("[data-testid='export-download']");
        page.FindComponents<MudBlazor.MudRadio<string>>()[1].Find("input").Click();
        page.WaitForAssertion(() => Assert.EndsWith("format=xlsx", Href(page, "export-download")));

        Assert.StartsWith("export/values?orgUnit=VN&period=2026&children=true", Href(page, "export-download"));
    }

    [Fact]
    public async Task ALeaderExportsButGetsNoEntryTemplate()
    {
        await SignInAsync(Roles.Leader, "01");
        var page = Render<ExportPage>();
        page.WaitForElement("[data-testid='export-download']");

        Assert.Empty(page.FindAll("[data-testid='template-download']"));
    }
}
