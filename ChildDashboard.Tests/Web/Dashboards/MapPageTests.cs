using Bunit;
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
    public void TheColouringSwitchGoesToTheValueMap()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/map?indicator=INJ01&period=2024");
        var page = Render<MapPage>();
        page.WaitForAssertion(() => Assert.Equal(63, page.FindAll("[data-testid=province-map] a.map-province").Count));

        page.Find("[data-testid=map-colouring] button[data-colouring=Value]").Click();

        Assert.Contains("colour=value", navigation.Uri);
        Assert.Contains("indicator=INJ01", navigation.Uri);
    }
}
