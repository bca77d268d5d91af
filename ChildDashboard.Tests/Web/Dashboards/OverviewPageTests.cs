using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using ChildDashboard.Web.Components.Pages.Dashboards;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Dashboards;

public class OverviewPageTests : DemoDashboardContext
{
    private IRenderedComponent<OverviewPage> RenderLoaded(string query = "")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/" + query);
        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => Assert.Equal(39, page.FindAll("tr.ind-row").Count));
        return page;
    }

    [Fact]
    public void OpensOnTheNationsYearToDateInVietnamese()
    {
        var page = RenderLoaded();

        Assert.Contains("Tổng quan: Việt Nam", page.Find("h1").TextContent);
        Assert.Equal("Năm 2026, đến hết quý III · số liệu tạm tính, năm chưa kết thúc", page.Find("[data-testid=period-label]").TextContent.Trim());
        Assert.Contains("Chương trình phòng, chống tai nạn, thương tích trẻ em", page.Markup);
        Assert.Contains("Số trẻ em bị bệnh tim bẩm sinh được hỗ trợ phẫu thuật tim", page.Markup);
        Assert.Contains("Dữ liệu minh hoạ", page.Markup);
        // The summary strip counts every indicator once.
        var counts = page.FindAll(".status-count:not([data-status=All]) .status-count-number").Sum(e => int.Parse(e.TextContent, CultureInfo.InvariantCulture));
        Assert.Equal(39, counts);
    }

    [Fact]
    public void FormatsValuesInTheUsersCulture()
    {
        var page = RenderLoaded("?period=2025");

        Assert.Matches(@"^\d{1,3}(\.\d{3})+$", ValueOf(page, "INJ05"));
        Assert.Matches(@"^\d{2},\d$", ValueOf(page, "CP03"));
        Assert.Equal("Năm 2025", page.Find("[data-testid=period-label]").TextContent.Trim());
    }

    [Fact]
    public void SpeaksEnglishWhenTheUserChoseIt()
    {
        UseCulture("en-US");

        var page = RenderLoaded("?period=2025Q2");

        Assert.Contains("Overview: Viet Nam", page.Find("h1").TextContent);
        Assert.Equal("Q2 2025", page.Find("[data-testid=period-label]").TextContent.Trim());
        Assert.Contains("Children with congenital heart disease supported for heart surgery", page.Markup);
        Assert.Matches(@"^\d{1,3}(,\d{3})+$", ValueOf(page, "INJ05"));
    }

    [Fact]
    public void AStatusInTheSummaryFiltersTheListAndSearchFindsWithoutDiacritics()
    {
        var page = RenderLoaded();
        var offTrack = page.Find(".status-count[data-status=OffTrack]");
        var expected = int.Parse(offTrack.QuerySelector(".status-count-number")!.TextContent, CultureInfo.InvariantCulture);

        offTrack.Click();

        page.WaitForAssertion(() => Assert.Equal(expected, page.FindAll("tr.ind-row").Count));
        Assert.All(page.FindAll("tr.ind-row .status-chip"), chip => Assert.Equal("OffTrack", chip.GetAttribute("data-status")));

        page.Find(".status-count[data-status=All]").Click();
        page.Find("input[data-testid=search]").Input("phau thuat tim");
        page.WaitForAssertion(() => Assert.Equal(["HRT01"], page.FindAll("tr.ind-row").Select(r => r.GetAttribute("data-indicator"))));
    }

    [Fact]
    public void SummarisesTheForecast()
    {
        var page = RenderLoaded();

        var summary = page.Find("[data-testid=forecast-summary]").TextContent;
        Assert.Matches(@"\d+ chỉ tiêu khó đạt mục tiêu 2030", summary);
        Assert.Contains("Theil–Sen", summary);
    }

    [Fact]
    public async Task ShowsTheNewValueAfterASaveAndMarksIt()
    {
        var page = RenderLoaded();
        var before = Number(ValueOf(page, "HRT01"));

        await AddToStoredValueAsync("HEART_SURGERY", "01", "2026Q3", 1000);

        page.WaitForAssertion(() => Assert.Equal(before + 1000, Number(ValueOf(page, "HRT01"))));
        Assert.Contains("changed", Row(page, "HRT01").ClassList);
        Assert.DoesNotContain("changed", Row(page, "CP03").ClassList);
    }

    [Fact]
    public async Task DoesNotRenderAgainForAChangeBeforeWhatItShows()
    {
        var page = RenderLoaded();
        var before = ValueOf(page, "HRT01");
        // MudBlazor's inputs settle over the first renders after the figures arrive.
        var renders = await SettledRenderCountAsync(page);

        // HRT01 reads 2018–2026 (no target, so no forecast further back): 2016 moves nothing shown.
        await AddToStoredValueAsync("HEART_SURGERY", "01", "2016Q2", 500);
        await Task.Delay(500);
        Assert.Equal(renders, page.RenderCount);

        await AddToStoredValueAsync("HEART_SURGERY", "01", "2026Q3", 1000);
        page.WaitForAssertion(() => Assert.NotEqual(before, ValueOf(page, "HRT01")));
    }

    [Fact]
    public void ANationalUserMayPickAProvince()
    {
        var page = RenderLoaded("?unit=01");

        Assert.Contains("Tổng quan: Hà Nội", page.Find("h1").TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid=unit-picker]"));
    }

    [Fact]
    public void ThePickersAreLabelledNativeSelectsThatShowTheChoiceBeforeTheCircuit()
    {
        var page = RenderLoaded("?unit=01&period=2025Q2");

        foreach (var (testId, label, chosen) in new[] { ("unit-picker", "Địa bàn", "01"), ("year-picker", "Năm", "2025"), ("period-picker", "Kỳ", "2025Q2"), ("programme-picker", "Chương trình", "0") })
        {
            var select = page.Find($"select[data-testid={testId}]");
            Assert.Equal(label, page.Find($"label[for={select.Id}]").TextContent.Trim());
            // Written into the options too: the prerendered page shows it before the circuit sets the value.
            Assert.Equal([chosen], select.QuerySelectorAll("option[selected]").Select(o => o.GetAttribute("value")));
        }
        Assert.Equal("Quý II/2025", page.Find("select[data-testid=period-picker] option[selected]").TextContent);
        Assert.Equal("Tìm chỉ tiêu (tên hoặc mã)", page.Find($"label[for={page.Find("input[data-testid=search]").Id}]").TextContent.Trim());
    }

    [Fact]
    public void TheYearPeriodAndUnitPickersGoToWhatIsChosen()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var page = RenderLoaded("?period=2025Q2");

        // The same year's quarter in another year; another period of the year; another province.
        page.Find("select[data-testid=year-picker]").Change("2024");
        page.WaitForAssertion(() => Assert.EndsWith("/?period=2024Q2", navigation.Uri, StringComparison.Ordinal));

        page.Find("select[data-testid=period-picker]").Change("2025S1");
        page.WaitForAssertion(() => Assert.EndsWith("/?period=2025S1", navigation.Uri, StringComparison.Ordinal));

        page.Find("select[data-testid=unit-picker]").Change("79");
        page.WaitForAssertion(() => Assert.EndsWith("/?period=2025S1&unit=79", navigation.Uri, StringComparison.Ordinal));
    }

    [Fact]
    public void TheProgrammePickerKeepsOneProgrammesIndicators()
    {
        var page = RenderLoaded();
        var heart = page.FindAll("select[data-testid=programme-picker] option").Single(o => o.TextContent.Contains("phẫu thuật tim", StringComparison.Ordinal));

        page.Find("select[data-testid=programme-picker]").Change(heart.GetAttribute("value"));

        page.WaitForAssertion(() => Assert.Equal(["HRT01"], page.FindAll("tr.ind-row").Select(r => r.GetAttribute("data-indicator"))));
        Assert.Equal(heart.GetAttribute("value"), page.Find("select[data-testid=programme-picker] option[selected]").GetAttribute("value"));
    }

    private static async Task<int> SettledRenderCountAsync(IRenderedComponent<OverviewPage> page)
    {
        var count = page.RenderCount;
        for (var i = 0; i < 50; i++)
        {
            await Task.Delay(300);
            if (page.RenderCount == count)
                return count;
            count = page.RenderCount;
        }
        return count;
    }

    private static IElement Row(IRenderedComponent<OverviewPage> page, string code) => page.Find($"tr.ind-row[data-indicator={code}]");

    private static string ValueOf(IRenderedComponent<OverviewPage> page, string code) =>
        Row(page, code).QuerySelector("td.col-value")!.TextContent.Trim();

    private static double Number(string vietnamese) => double.Parse(vietnamese.Replace(".", "").Replace(',', '.'), CultureInfo.InvariantCulture);
}

// A provincial leader (Hà Nội) sees Hà Nội and cannot be given another province, even by URL.
public class ProvincialOverviewPageTests : DemoDashboardContext
{
    protected override string ScopeCode => "01";

    [Fact]
    public void OpensOnTheOwnProvinceWithoutAUnitPicker()
    {
        var page = Render<OverviewPage>();

        page.WaitForAssertion(() => Assert.Equal(39, page.FindAll("tr.ind-row").Count));
        Assert.Contains("Tổng quan: Hà Nội", page.Find("h1").TextContent);
        Assert.Empty(page.FindAll("[data-testid=unit-picker]"));
    }

    [Fact]
    public void AnotherProvinceInTheUrlIsRefusedByTheService()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?unit=79");
        var page = Render<OverviewPage>();

        page.WaitForAssertion(() => Assert.Contains("nằm ngoài phạm vi của bạn", page.Find("[data-testid=dashboard-refused]").TextContent));
        Assert.Empty(page.FindAll("tr.ind-row"));
    }
}
