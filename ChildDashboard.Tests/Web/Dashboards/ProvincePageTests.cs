using System.Globalization;
using Bunit;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Services;
using ChildDashboard.Core.Services.Dashboards;
using ChildDashboard.Web.Components.Pages.Dashboards;
using Microsoft.AspNetCore.Components;
using ChildDashboard.Tests.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Dashboards;

// Rendering the province page on the demo data.
public abstract class ProvincePageContext : DemoDashboardContext
{
    protected IRenderedComponent<ProvincePage> RenderProvince(string code, string query = "")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/provinces/{code}{query}");
        return Render<ProvincePage>(p => p.Add(x => x.Code, code));
    }

    protected IRenderedComponent<ProvincePage> RenderLoaded(string code, string query = "")
    {
        var page = RenderProvince(code, query);
        page.WaitForAssertion(() => Assert.Equal(39, page.FindAll("tr.ind-row").Count));
        return page;
    }

    protected OrgUnit Unit(string code) =>
        Services.GetRequiredService<CatalogueCache>().GetAsync().GetAwaiter().GetResult().Units.FindCurrent(code, DateOnly.FromDateTime(TestDatabase.Today.Date))!;
}

// The province page for a national leader: the province's overview, its history across the 2025
// merger with links to the old provinces, its budget, the indicators behind with their comments.
public class ProvincePageTests : ProvincePageContext
{
    [Fact]
    public void TheNewLaoCaiSaysWhatItWasMadeOfAndLinksTheOldProvinces()
    {
        var page = RenderLoaded("15");

        Assert.Equal("Lào Cai (mới)", page.Find("h1").TextContent.Trim());
        Assert.Equal("Năm 2026, đến hết quý III · số liệu tạm tính, năm chưa kết thúc", page.Find("[data-testid=period-label]").TextContent.Trim());
        var formed = page.Find("[data-testid=province-formed]");
        Assert.Equal("Lào Cai (mới) = Lào Cai + Yên Bái trước 01/07/2025.", Squeeze(formed.TextContent));
        Assert.Equal(["provinces/10", "provinces/15%402004-01-01"], formed.QuerySelectorAll("a.unit-link").Select(a => a.GetAttribute("href")));
        // Its series runs back before the merger (the sum of the old provinces).
        Assert.Contains("2018:", page.Find("tr.ind-row[data-indicator=HRT01] .sparkline").GetAttribute("aria-label"));
    }

    [Fact]
    public void AnOldProvinceShowsItsOwnFiguresToMid2025AndWhatItBecame()
    {
        var page = RenderLoaded("15@2004-01-01");

        Assert.Equal("Yên Bái (đến 30/06/2025)", page.Find("h1").TextContent.Trim());
        Assert.Equal("6 tháng đầu năm 2025", page.Find("[data-testid=period-label]").TextContent.Trim());
        var became = page.Find("[data-testid=province-became]");
        Assert.Equal("Từ 01/07/2025, Yên Bái hợp nhất vào Lào Cai (mới) cùng với Lào Cai.", Squeeze(became.TextContent));
        Assert.Equal(["provinces/15", "provinces/10"], became.QuerySelectorAll("a.unit-link").Select(a => a.GetAttribute("href")));
        Assert.Contains("đến hết Quý II/2025", page.Find("[data-testid=province-history]").TextContent);
        Assert.NotEqual("—", page.Find("tr.ind-row[data-indicator=HRT01] td.col-value").TextContent.Trim());
    }

    [Fact]
    public void AnOldProvinceAskedForAPeriodAfterItClosedSaysWhyThereAreNoFigures()
    {
        var page = RenderLoaded("10", "?period=2026");

        Assert.Equal("Năm 2026 bắt đầu sau khi Lào Cai đã hợp nhất: kỳ này không có số liệu của riêng tỉnh.",
            page.Find("[data-testid=province-after-close]").TextContent.Trim());
        Assert.Equal(39, Count(page, "NoData"));
        Assert.NotEmpty(page.FindAll("[data-testid=behind-none]"));
    }

    [Fact]
    public void AProvinceThatWasNotMergedSaysSo()
    {
        var page = RenderLoaded("01");

        Assert.Equal("Hà Nội", page.Find("h1").TextContent.Trim());
        Assert.Contains("Hà Nội giữ nguyên địa giới", page.Find("[data-testid=province-unchanged]").TextContent);
    }

    [Fact]
    public async Task TheBudgetShowsAllocatedSpentAndThePriorityShareInMillionsOfDong()
    {
        var page = RenderLoaded("01", "?period=2025");

        var allocated = Millions(page.Find("[data-testid=budget-allocated]").TextContent);
        var spent = Millions(page.Find("[data-testid=budget-spent]").TextContent);
        var priority = Millions(page.Find("[data-testid=budget-priority]").TextContent);
        Assert.InRange(spent, 1, allocated);
        Assert.InRange(priority, 1, spent);
        var dashboard = await Services.GetRequiredService<DashboardService>().GetAsync(Unit("01"), Period.ForYear(2025), NationalLeader());
        var execution = dashboard.Rows.Single(r => r.Indicator.Code == "BUD01");
        Assert.Equal(100 * execution.Numerator!.Value / execution.Denominator!.Value, execution.Value!.Value, 9);
        Assert.Equal(Math.Round(execution.Denominator.Value / 1e6), allocated);
        Assert.Equal(Format(execution.Value.Value, 1) + " %", page.Find(".budget-rate[data-indicator=BUD01] .budget-rate-value").TextContent.Trim());
        Assert.NotEmpty(page.FindAll(".budget-rate[data-indicator=BUD02] .status-chip"));
    }

    [Fact]
    public void WhileTheYearsSpendingIsNotInTheBudgetSaysSoAndOffersTheLatestYear()
    {
        var page = RenderLoaded("01");

        Assert.Contains("Chưa có số liệu chi năm 2026", page.Find("[data-testid=budget-empty]").TextContent);
        Assert.Equal("—", page.Find("[data-testid=budget-spent]").TextContent.Trim());
        var latest = page.Find("[data-testid=budget-latest]");
        Assert.StartsWith("Năm 2025: thực hiện", latest.TextContent.Trim());
        Assert.EndsWith("period=2025", latest.GetAttribute("href"));
    }

    [Fact]
    public void TheIndicatorsBehindAreListedWithTheirCommentsAndALeaderAddsOne()
    {
        var page = RenderLoaded("01", "?period=2025");
        var offTrack = Count(page, "OffTrack") + Count(page, "AtRisk");
        Assert.True(offTrack > 0, "The demo data has provinces behind.");
        var items = page.FindAll(".behind-item");
        Assert.Equal(offTrack, items.Count);
        Assert.All(items, item => Assert.Contains(item.QuerySelector(".status-chip")!.GetAttribute("data-status"), new[] { "OffTrack", "AtRisk" }));
        var code = items[0].GetAttribute("data-indicator")!;
        Assert.Equal($"indicators/{code}", items[0].QuerySelector("a.ind-code")!.GetAttribute("href"));

        page.Find($".behind-item[data-indicator={code}] [data-testid=comment-add]").Click();
        page.WaitForElement($".behind-item[data-indicator={code}] textarea").Input("Thiếu cộng tác viên ở 12 xã vùng cao.");
        page.Find($".behind-item[data-indicator={code}] [data-testid=comment-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Thiếu cộng tác viên ở 12 xã vùng cao.",
            page.Find($".behind-item[data-indicator={code}] [data-testid=comment]").TextContent));
        var comment = page.Find($".behind-item[data-indicator={code}] [data-testid=comment]").TextContent;
        Assert.Contains("Vì sao chậm", comment);
        Assert.Contains("lanhdao", comment);
        Assert.Contains("Năm 2025", comment);
    }

    [Fact]
    public void AnEmptyCommentIsRefusedWithAMessage()
    {
        var page = RenderLoaded("01", "?period=2025");
        var item = page.FindAll(".behind-item")[0].GetAttribute("data-indicator");

        page.Find($".behind-item[data-indicator={item}] [data-testid=comment-add]").Click();
        page.WaitForElement($".behind-item[data-indicator={item}] [data-testid=comment-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Hãy viết nội dung nhận xét", page.Find("[data-testid=comment-error]").TextContent));
        Assert.Empty(page.FindAll($".behind-item[data-indicator={item}] [data-testid=comment]"));
    }

    [Fact]
    public void AnUnknownCodeOrAUnitThatIsNotAProvinceSaysSo()
    {
        var page = RenderProvince("99");
        page.WaitForAssertion(() => Assert.Contains("Không có tỉnh, thành phố mã '99'", page.Find("[data-testid=province-unknown]").TextContent));

        var nation = RenderProvince("VN");
        nation.WaitForAssertion(() => Assert.NotEmpty(nation.FindAll("[data-testid=province-unknown]")));
    }

    [Fact]
    public void SpeaksEnglish()
    {
        UseCulture("en-US");

        var page = RenderLoaded("15");

        Assert.Equal("Lao Cai (new)", page.Find("h1").TextContent.Trim());
        Assert.Equal("Lao Cai (new) = Lao Cai + Yen Bai before 7/1/2025.", Squeeze(page.Find("[data-testid=province-formed]").TextContent));
        Assert.Contains("Indicators off track or at risk", page.Find("[data-testid=behind-indicators]").TextContent);
    }

    private UserAccess NationalLeader()
    {
        var units = Services.GetRequiredService<CatalogueCache>().GetAsync().GetAwaiter().GetResult().Units;
        return new UserAccess("lanhdao", [Roles.Leader], units.Root!, units);
    }

    private static int Count(IRenderedComponent<ProvincePage> page, string status) =>
        int.Parse(page.Find($".status-count[data-status={status}] .status-count-number").TextContent, CultureInfo.InvariantCulture);

    private static double Millions(string text) =>
        double.Parse(text.Replace("triệu đồng", "").Replace(".", "").Trim(), CultureInfo.InvariantCulture);

    private static string Format(double value, int decimals) => value.ToString("N" + decimals, CultureInfo.GetCultureInfo("vi-VN"));

    private static string Squeeze(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Replace(" .", ".").Trim();
}

// A leader of the new Lào Cai: the old Lào Cai and Yên Bái are theirs, Hà Giang is not — refused
// by the page (the access-denied answer) and by the services, not only left out of links.
public class ProvincialProvincePageTests : ProvincePageContext
{
    protected override string ScopeCode => "15";

    [Fact]
    public void OpensTheOldProvincesThatMergedIntoTheirs()
    {
        foreach (var code in new[] { "10", "15@2004-01-01", "15" })
        {
            var page = RenderLoaded(code);
            Assert.Empty(page.FindAll("[data-testid=access-denied]"));
        }
    }

    [Fact]
    public async Task AnotherProvinceIsRefusedByThePageAndTheServices()
    {
        var page = RenderProvince("02");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=access-denied]")));
        Assert.Empty(page.FindAll("tr.ind-row"));
        Assert.Empty(page.FindAll("[data-testid=province-history]"));

        var units = (await Services.GetRequiredService<CatalogueCache>().GetAsync()).Units;
        var access = new UserAccess("lanhdao", [Roles.Leader], Unit("15"), units);
        var haGiang = Unit("02");
        await Assert.ThrowsAsync<DashboardScopeException>(() => Services.GetRequiredService<DashboardService>().GetAsync(haGiang, Period.ForYear(2025), access));
        await Assert.ThrowsAsync<DashboardScopeException>(() => Services.GetRequiredService<RecentChangesService>().GetAsync(haGiang, access));
        await Assert.ThrowsAsync<DashboardScopeException>(() => Services.GetRequiredService<IndicatorCommentService>().ListAsync(access, haGiang, Period.ForYear(2025)));
    }
}

// An analyst reads the province and its comments but does not write them.
public class AnalystProvincePageTests : DemoDashboardContext
{
    protected override string ScopeCode => "01";

    protected override string Role => Roles.Analyst;

    [Fact]
    public void SeesTheIndicatorsBehindWithoutTheCommentForm()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/provinces/01?period=2025");
        var page = Render<ProvincePage>(p => p.Add(x => x.Code, "01"));

        // The first page of a fresh demo database loads the analytics: slow on a busy machine.
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".behind-item")), TimeSpan.FromSeconds(60));
        Assert.NotEmpty(page.FindAll("[data-testid=indicator-comments]"));
        Assert.Empty(page.FindAll("[data-testid=comment-add]"));
    }
}
