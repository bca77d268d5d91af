using System.Globalization;
using Bunit;
using ChildDashboard.Core.Domain;
using ChildDashboard.Web.Components.Dashboards;
using ChildDashboard.Web.Components.Pages.Dashboards;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Dashboards;

// The indicator page on the demo data (to 2026Q3; the clock reads 29/11/2026), as a national leader.
public class IndicatorPageTests : DemoDashboardContext
{
    // The first load reads the demo values and computes the comparison of the provinces: on a
    // loaded 2-core machine that can take longer than the default wait.
    private static readonly TimeSpan FirstLoad = TimeSpan.FromSeconds(60);

    private IRenderedComponent<IndicatorPage> RenderLoaded(string code, string query = "")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/indicators/{code}{query}");
        var page = Render<IndicatorPage>(p => p.Add(x => x.Code, code));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=indicator-headline]")), FirstLoad);
        return page;
    }

    [Fact]
    public void ShowsTheDefinitionTrendAndForecastWithHowItIsComputed()
    {
        var page = RenderLoaded("CP03", "?period=2025");

        Assert.Contains("Tỷ lệ trẻ em có hoàn cảnh đặc biệt được trợ giúp, chăm sóc", page.Find("h1").TextContent);
        Assert.Equal("Việt Nam · Năm 2025", page.Find("[data-testid=period-label]").TextContent.Trim());
        var definition = page.Find("[data-testid=indicator-definition]").TextContent;
        Assert.Contains("CSC_SUPPORTED", definition);
        Assert.Contains("CSC_TOTAL", definition);
        Assert.Contains("100", definition);
        Assert.Contains("Càng cao càng tốt", definition);
        Assert.Contains("23/QĐ-TTg", definition);
        // Every year from 2016 to this year to date, the last hollow; the 2025 and 2030 targets drawn.
        var points = page.FindAll(".trend-chart circle.trend-point");
        Assert.Equal(Enumerable.Range(2016, 11).Select(y => y.ToString(CultureInfo.InvariantCulture)), points.Select(p => p.GetAttribute("data-year")));
        Assert.Contains("trend-point-partial", points[^1].ClassName);
        Assert.Equal(["2025", "2030"], page.FindAll(".trend-chart path.trend-target").Select(t => t.GetAttribute("data-year")));
        // Both targets of the chain start from the 2017 baseline: two trajectories.
        Assert.Equal(2, page.FindAll(".trend-chart line.trend-trajectory").Count);
        Assert.NotEmpty(page.FindAll("[data-testid=trend-forecast]"));
        var how = page.Find("[data-testid=forecast-how]").TextContent;
        Assert.Contains("Theil–Sen", how);
        Assert.Contains("2020–2025", how);
        Assert.NotEmpty(page.FindAll("[data-testid=forecast-panel] .forecast-text"));
        // The national series compares across the merger, and the page says so.
        Assert.Contains("63 → 34", page.Find("[data-testid=merger-note]").TextContent);
        Assert.Contains("01/07/2025", page.Find("[data-testid=merger-note]").TextContent);
        // Numbers in vi-VN: a comma before the decimals.
        Assert.Matches(@"^\d{2},\d$", page.Find("[data-testid=headline-value]").TextContent.Trim());
        Assert.Equal(["MALE", "FEMALE"], page.FindAll("[data-testid=by-sex] tr[data-option]").Select(r => r.GetAttribute("data-option")));
        // The unit's comments on why it is behind and what it will do, with the form for a leader.
        page.WaitForAssertion(() => Assert.Contains("Nhận xét của Việt Nam", page.Find("[data-testid=indicator-comments]").TextContent));
    }

    [Fact]
    public void WithoutATargetThePageSaysThereIsNoStatusOrForecast()
    {
        var page = RenderLoaded("HRT01", "?period=2025");

        Assert.Contains("chưa có mục tiêu", page.Find("[data-testid=no-target]").TextContent);
        Assert.Contains("chưa có mục tiêu", page.Find("[data-testid=no-forecast]").TextContent);
        Assert.Equal("NoTarget", page.Find("[data-testid=indicator-headline] .status-chip").GetAttribute("data-status"));
        Assert.Empty(page.FindAll("[data-testid=trend-forecast]"));
        Assert.Empty(page.FindAll(".trend-chart path.trend-target"));
        Assert.Empty(page.FindAll(".trend-legend .trend-target"));
        Assert.NotEmpty(page.FindAll(".trend-chart circle.trend-point"));
    }

    [Fact]
    public void APeriodWithoutDataSaysSoWithItsCompleteness()
    {
        var page = RenderLoaded("CP04", "?period=2026Q4");

        Assert.Equal("—", page.Find("[data-testid=headline-value]").TextContent.Trim());
        Assert.Contains("Chưa có số liệu cho kỳ này (0/", page.Find("[data-testid=no-data]").TextContent);
        Assert.Equal("NoData", page.Find("[data-testid=indicator-headline] .status-chip").GetAttribute("data-status"));
        Assert.All(page.FindAll("[data-testid=province-map] a.map-province"), a => Assert.Equal("NoData", a.GetAttribute("data-status")));
    }

    [Fact]
    public void AnUnknownCodeSaysSo()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/indicators/NOPE");
        var page = Render<IndicatorPage>(p => p.Add(x => x.Code, "NOPE"));

        page.WaitForAssertion(() => Assert.Contains("NOPE", page.Find("[data-testid=indicator-unknown]").TextContent), FirstLoad);
    }

    [Theory]
    [InlineData("2025", 34)]
    [InlineData("2024", 63)]
    public void TheMapDrawsTheProvincesOfThePeriodInTheirStatusColours(string period, int provinces)
    {
        var page = RenderLoaded("CP03", "?period=" + period);

        var spots = page.FindAll("[data-testid=province-map] a.map-province");
        Assert.Equal(provinces, spots.Count);
        Assert.Contains(provinces.ToString(CultureInfo.InvariantCulture) + " tỉnh, thành phố", page.Find(".map-caption").TextContent);
        foreach (var spot in spots)
        {
            var status = Enum.Parse<IndicatorStatus>(spot.GetAttribute("data-status")!);
            var fill = spot.QuerySelector("circle")!.GetAttribute("fill");
            Assert.Equal(status == IndicatorStatus.NoData ? "url(#map-hatch)" : StatusStyle.Colour(status), fill);
            Assert.Equal(ProvinceMap.Glyph(status), spot.QuerySelector("text")!.TextContent);
            Assert.StartsWith("provinces/", spot.GetAttribute("href"));
            Assert.Contains(":", spot.QuerySelector("title")!.TextContent);
        }
        // Each status in the legend with its count, the counts adding up to the provinces.
        var counts = page.FindAll("[data-testid=map-legend] .legend-item").Select(i => i.TextContent).ToList();
        Assert.Equal(provinces, counts.Sum(c => int.Parse(c[(c.LastIndexOf('(') + 1)..c.LastIndexOf(')')], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void ByValueTheMapDarkensWithTheValueAndHatchesNoData()
    {
        var page = RenderLoaded("CP03", "?period=2025&colour=value");

        var spots = page.FindAll("[data-testid=province-map] a.map-province");
        var ranking = RankingValues(page);
        var byClass = spots.Where(s => s.GetAttribute("data-class") != "none")
            .Select(s => (Class: int.Parse(s.GetAttribute("data-class")!, CultureInfo.InvariantCulture), Value: ranking[s.GetAttribute("data-unit")!]))
            .ToList();
        Assert.True(byClass.Select(c => c.Class).Distinct().Count() > 1);
        // A higher value is never in a lower class.
        foreach (var a in byClass)
            foreach (var b in byClass.Where(b => b.Value > a.Value))
                Assert.True(b.Class >= a.Class);
        Assert.Empty(page.FindAll("[data-testid=province-map] text"));
        Assert.Contains("%", page.Find("[data-testid=map-legend]").TextContent);
    }

    [Fact]
    public void TheRankingPutsTheBestFirstBelowTheNationAndSortsByAnyColumn()
    {
        var page = RenderLoaded("INJ01", "?period=2025");

        var rows = page.FindAll("[data-testid=ranking] tbody tr");
        Assert.Equal("VN", rows[0].GetAttribute("data-unit"));
        Assert.Equal(35, rows.Count);
        // INJ01 is "down is good": rank 1 has the lowest rate.
        var values = ValuesInOrder(page);
        Assert.Equal(values.OrderBy(v => v), values);

        page.Find("[data-testid=ranking] button[data-sort=Value]").Click();
        Assert.Equal(values.OrderBy(v => v), ValuesInOrder(page));
        page.Find("[data-testid=ranking] button[data-sort=Value]").Click();
        Assert.Equal(values.OrderByDescending(v => v), ValuesInOrder(page));
        Assert.Equal("descending", page.Find("[data-testid=ranking] th:has(button[data-sort=Value])").GetAttribute("aria-sort"));

        page.Find("[data-testid=ranking] button[data-sort=Name]").Click();
        var names = page.FindAll("[data-testid=ranking] tbody tr:not([data-unit=VN]) td.col-name").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(names.Order(StringComparer.Create(new CultureInfo("vi-VN"), true)), names);
        Assert.StartsWith("provinces/", page.Find("[data-testid=ranking] tbody tr:not([data-unit=VN]) a").GetAttribute("href"));
    }

    [Fact]
    public void SpeaksEnglish()
    {
        UseCulture("en-US");

        var page = RenderLoaded("CP03", "?period=2025");

        Assert.Contains("Share of children in special circumstances supported or cared for", page.Find("h1").TextContent);
        Assert.Contains("Definition", page.Markup);
        Assert.Contains("Numerator", page.Find("[data-testid=indicator-definition]").TextContent);
        Assert.Matches(@"^\d{2}\.\d$", page.Find("[data-testid=headline-value]").TextContent.Trim());
        Assert.Contains("Viet Nam (reference)", page.Find("[data-testid=ranking]").TextContent);
    }

    private static List<double> ValuesInOrder(IRenderedComponent<IndicatorPage> page) => page
        .FindAll("[data-testid=ranking] tbody tr:not([data-unit=VN]) td.col-value")
        .Select(c => c.TextContent.Trim()).Where(t => t != "—").Select(Number).ToList();

    private static Dictionary<string, double> RankingValues(IRenderedComponent<IndicatorPage> page) => page
        .FindAll("[data-testid=ranking] tbody tr:not([data-unit=VN])")
        .Where(r => r.QuerySelector("td.col-value")!.TextContent.Trim() != "—")
        .ToDictionary(r => r.GetAttribute("data-unit")!, r => Number(r.QuerySelector("td.col-value")!.TextContent.Trim()));

    private static double Number(string vietnamese) => double.Parse(vietnamese.Replace(".", "").Replace(',', '.'), CultureInfo.InvariantCulture);
}

// A provincial leader (Hà Nội) reads Hà Nội's indicator pages, is refused another province, and
// is not offered the comparison of provinces (the service refuses it too).
public class ProvincialIndicatorPageTests : DemoDashboardContext
{
    protected override string ScopeCode => "01";

    // The first load reads the demo values and computes the comparison of the provinces: on a
    // loaded 2-core machine that can take longer than the default wait.
    private static readonly TimeSpan FirstLoad = TimeSpan.FromSeconds(60);

    [Fact]
    public void OpensOnTheOwnProvinceWithoutTheProvinceComparison()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/indicators/CP03?period=2025");
        var page = Render<IndicatorPage>(p => p.Add(x => x.Code, "CP03"));

        page.WaitForAssertion(() => Assert.Equal("Hà Nội · Năm 2025", page.Find("[data-testid=period-label]").TextContent.Trim()), FirstLoad);
        Assert.Empty(page.FindAll("[data-testid=unit-picker]"));
        Assert.Empty(page.FindAll("[data-testid=province-map]"));
        Assert.Contains("người dùng cấp quốc gia", page.Find("[data-testid=provinces-national-only]").TextContent);
        Assert.Contains("giữ nguyên địa giới", page.Find("[data-testid=merger-note]").TextContent);
    }

    [Fact]
    public void AnotherProvinceInTheUrlIsRefusedByTheService()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/indicators/CP03?unit=79");
        var page = Render<IndicatorPage>(p => p.Add(x => x.Code, "CP03"));

        page.WaitForAssertion(() => Assert.Contains("nằm ngoài phạm vi của bạn", page.Find("[data-testid=dashboard-refused]").TextContent), FirstLoad);
        Assert.Empty(page.FindAll("[data-testid=indicator-headline]"));
    }

    [Fact]
    public void TheMapPageIsRefusedByTheService()
    {
        var page = Render<MapPage>();

        page.WaitForAssertion(() => Assert.Contains("người dùng cấp quốc gia", page.Find("[data-testid=dashboard-refused]").TextContent), FirstLoad);
        Assert.Empty(page.FindAll("[data-testid=province-map]"));
    }
}
