using Bunit;
using ChildDashboard.Web.Components.Dashboards;
using ChildDashboard.Web.Components.Pages.Dashboards;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Dashboards;

public class MapPageTests : DemoDashboardContext
{
    [Fact]
    public void OpensOnAnIndicatorWithTheMapAndTheRankingOfTheCurrentProvinces()
    {
        var page = Render<MapPage>();

        page.WaitForAssertion(() => Assert.Equal(34, page.FindAll("[data-testid=province-map] a.map-province").Count));
        Assert.Equal(35, page.FindAll("[data-testid=ranking] tbody tr").Count);
        Assert.Contains("Năm 2026", page.Find("[data-testid=period-label]").TextContent);
        Assert.StartsWith("indicators/CP03", page.Find("[data-testid=period-label] a").GetAttribute("href"));
    }

    [Fact]
    public void AskedByValueItColoursTheSixtyThreeProvincesOfAnEarlierYearInClasses()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/map?indicator=INJ01&period=2024&colour=value");
        var page = Render<MapPage>();

        page.WaitForAssertion(() => Assert.Equal(63, page.FindAll("[data-testid=province-map] a.map-province").Count));
        Assert.Equal("Value", page.Find("[data-testid=province-map]").GetAttribute("data-colouring"));
        Assert.Equal("true", page.Find("[data-testid=map-colouring] button[data-colouring=Value]").GetAttribute("aria-pressed"));
        Assert.Equal(5, page.FindAll("[data-testid=map-legend] .legend-item[data-class]").Count);
        Assert.Contains("Tỷ suất trẻ em bị tai nạn, thương tích", page.Find("[data-testid=period-label]").TextContent);
    }

    [Fact]
    public void TheColouringSwitchHandsBackTheChoice()
    {
        MapColouring? chosen = null;
        var toggle = Render<MapColouringSwitch>(p => p
            .Add(x => x.Value, MapColouring.Status)
            .Add(x => x.ValueChanged, (MapColouring c) => chosen = c));

        toggle.Find("button[data-colouring=Value]").Click();

        Assert.Equal(MapColouring.Value, chosen);
        Assert.Equal("true", toggle.Find("button[data-colouring=Status]").GetAttribute("aria-pressed"));
    }
}
