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

    // 2024 values of a province closed in the 2025 merger are stored under it: the list offers the
    // 63 provinces of before 1 July 2025 too, and the link names one by code and opening date
    // (02 alone would be today's unit of that code, if any).
    [Fact]
    public async Task APreMergerProvinceCanBeChosenAndItsLinkNamesItByCodeAndDate()
    {
        await SignInAsync(Roles.Analyst, "VN");
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        var page = Render<ExportPage>();
        page.WaitForElement("[data-testid='export-download']");
        var select = page.FindComponents<MudBlazor.MudSelect<int>>()[0];
        await page.InvokeAsync(select.Instance.OpenMenu);

        popovers.WaitForAssertion(() => Assert.Contains("Hà Giang (đến 30/06/2025)", popovers.Markup));
        Assert.Contains("Yên Bái (đến 30/06/2025)", popovers.Markup);
        Assert.Contains("Tuyên Quang (từ 01/07/2025)", popovers.Markup);
        popovers.FindAll(".mud-list-item").Single(item => item.TextContent.Contains("Hà Giang", StringComparison.Ordinal)).Click();
        page.WaitForAssertion(() => Assert.Equal("export/values?orgUnit=02%402004-01-01&period=2026&children=true&format=csv", Href(page, "export-download")));
    }

    [Fact]
    public async Task AProvinceUserIsOfferedTheProvincesMergedIntoTheirsAndNoOther()
    {
        await SignInAsync(Roles.DataEntry, "15");
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        var page = Render<ExportPage>();
        page.WaitForElement("[data-testid='export-download']");
        await page.InvokeAsync(page.FindComponents<MudBlazor.MudSelect<int>>()[0].Instance.OpenMenu);

        popovers.WaitForAssertion(() => Assert.Contains("Yên Bái (đến 30/06/2025)", popovers.Markup));
        Assert.Contains("Lào Cai (đến 30/06/2025)", popovers.Markup);
        Assert.DoesNotContain("Hà Giang", popovers.Markup);
        Assert.Equal("export/values?orgUnit=15&period=2026&children=true&format=csv", Href(page, "export-download"));
    }
}
