using Bunit;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Services;
using ChildDashboard.Core.Services.Reports;
using ChildDashboard.Tests.Core;
using ChildDashboard.Tests.Web.Dashboards;
using ChildDashboard.Web.Components.Pages.Dashboards;
using ChildDashboard.Web.Components.Pages.Reports;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Reports;

// /reports for a national leader: the downloads for the chosen unit, period and report, and the
// narrative saved, or refused with the other person's text when someone saved in between.
public class ReportsPageTests : DemoDashboardContext
{
    private IRenderedComponent<ReportsPage> RenderPage(string query = "")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/reports" + query);
        var page = Render<ReportsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=report-narrative-input]")));
        return page;
    }

    [Fact]
    public void LinksDownloadTheChosenUnitsSummaryAndReport()
    {
        var page = RenderPage("?unit=01&period=2025S1&report=2025");

        Assert.Equal("/reports/download/summary?orgUnit=01&period=2025S1", page.Find("[data-testid=report-summary-download]").GetAttribute("href"));
        Assert.Equal("/reports/download/ministry?orgUnit=01&report=2025", page.Find("[data-testid=report-ministry-download]").GetAttribute("href"));
        Assert.Contains("Tổng hợp và báo cáo Bộ", page.Find("h1").TextContent);
        Assert.Contains("Báo cáo năm 2025 (hạn 20/11/2025)", page.Markup);
    }

    [Fact]
    public async Task TheNarrativeIsSavedWithItsAuthorAndASecondStaleSaveShowsTheOtherText()
    {
        var page = RenderPage("?unit=01&report=2026S1");

        page.Find("[data-testid=report-narrative] textarea").Input("Hoàn thành phần lớn chỉ tiêu.");
        page.Find("[data-testid=report-narrative-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("Đã lưu lúc", page.Find("[data-testid=report-narrative-message]").TextContent));
        Assert.Contains("lanhdao", page.Find("[data-testid=report-narrative-author]").TextContent);

        // Someone else saves from the same version meanwhile.
        var catalogue = await Services.GetRequiredService<CatalogueCache>().GetAsync();
        var hanoi = catalogue.Units.FindCurrent("01", DateOnly.FromDateTime(TestDatabase.Today.Date))!;
        var other = new UserAccess("nhaplieu.hanoi", [Roles.DataEntry], hanoi, catalogue.Units);
        var theirs = await Services.GetRequiredService<ReportNarrativeService>().SaveAsync(other, hanoi, Period.Parse("2026S1"), "Bản của cán bộ nhập liệu.", 1);
        Assert.Equal(ReportNarrativeService.SaveStatus.Saved, theirs.Status);

        page.Find("[data-testid=report-narrative] textarea").Input("Bản của lãnh đạo.");
        page.Find("[data-testid=report-narrative-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("nhaplieu.hanoi", page.Find("[data-testid=report-narrative-conflict]").TextContent));
        Assert.Equal("Bản của cán bộ nhập liệu.", page.Find("[data-testid=report-narrative-theirs]").TextContent);
        Assert.Equal("Bản của cán bộ nhập liệu.", (await Services.GetRequiredService<ReportNarrativeService>().GetAsync(hanoi, Period.Parse("2026S1"))).Text);

        // Having seen theirs, the leader may still save theirs over deliberately.
        page.Find("[data-testid=report-narrative-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("Đã lưu lúc", page.Find("[data-testid=report-narrative-message]").TextContent));
        Assert.Equal("Bản của lãnh đạo.", (await Services.GetRequiredService<ReportNarrativeService>().GetAsync(hanoi, Period.Parse("2026S1"))).Text);
    }

    [Fact]
    public void TheOverviewOffersTheSummaryOfWhatItShows()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?period=2025");
        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => Assert.Equal("/reports/download/summary?orgUnit=VN&period=2025", page.Find("[data-testid=summary-download]").GetAttribute("href")));
    }
}

// An analyst of a province reads the reports but does not write their narrative.
public class ReportsPageForAnalystTests : DemoDashboardContext
{
    protected override string ScopeCode => "01";

    protected override string Role => Roles.Analyst;

    [Fact]
    public void ShowsTheNarrativeReadOnlyAndOnlyItsOwnProvince()
    {
        UseCulture("en-US");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/reports?unit=31");
        var page = Render<ReportsPage>();

        page.WaitForAssertion(() => Assert.Contains("Only the unit's data-entry staff", page.Find("[data-testid=report-narrative]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=report-narrative-input]"));
        Assert.Equal("/reports/download/summary?orgUnit=01&period=2026", page.Find("[data-testid=report-summary-download]").GetAttribute("href"));
        Assert.Contains("Nothing written yet.", page.Find("[data-testid=report-narrative-text]").TextContent);
    }
}
