using Bunit;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Services.Dashboards;
using ChildDashboard.Web.Components.Dashboards;
using ChildDashboard.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ChildDashboard.Tests.Web.Dashboards;

// A dashboard row's cells are one string built once per row, language and link, and shared by
// every open page that shows the row (issue #10); what the catalogue says is written as text.
public class DashboardMarkupTests : MudTestContext
{
    private static readonly IReadOnlyList<int> Years = [2023, 2024, 2025];

    private IStringLocalizer L => Services.GetRequiredService<IStringLocalizer<SharedResource>>();

    [Fact]
    public void TheCellsOfARowAreOneStringSharedByEveryPageThatShowsIt()
    {
        var row = Row("Tỷ lệ trẻ em");

        var first = DashboardMarkup.IndicatorCells(L, row, Years, "indicators/T01?unit=VN&period=2025");
        var second = DashboardMarkup.IndicatorCells(L, row, [.. Years], "indicators/T01?unit=VN&period=2025");

        Assert.Same(first, second);
        Assert.NotSame(first, DashboardMarkup.IndicatorCells(L, row, Years, "indicators/T01?unit=01&period=2025"));
        // A new row of the same figures (a live update that moved nothing) writes the same cells.
        Assert.Equal(first, DashboardMarkup.IndicatorCells(L, row with { }, Years, "indicators/T01?unit=VN&period=2025"));

        UseCulture("en-US");
        var english = DashboardMarkup.IndicatorCells(L, row, Years, "indicators/T01?unit=VN&period=2025");
        Assert.Contains("data-label=\"Value\"", english, StringComparison.Ordinal);
        Assert.Contains("data-label=\"Giá trị\"", first, StringComparison.Ordinal);
        Assert.Same(DashboardMarkup.StatusChip(L, IndicatorStatus.OnTrack), DashboardMarkup.StatusChip(L, IndicatorStatus.OnTrack));
    }

    [Fact]
    public void NamesUnitsAndLinksAreWrittenAsText()
    {
        var row = Row("Trẻ em <b>“mồ côi”</b> & khác");

        var cells = DashboardMarkup.IndicatorCells(L, row, Years, "indicators/T01?unit=VN&period=2025\"><script>");
        var rendered = Render(builder => builder.AddMarkupContent(0, $"<table><tbody><tr>{cells}</tr></tbody></table>"));

        Assert.Equal("Trẻ em <b>“mồ côi”</b> & khác", rendered.Find(".ind-name").TextContent);
        Assert.Equal("<%> & ‰", rendered.Find(".ind-caption span").TextContent);
        Assert.Empty(rendered.FindAll("b, script"));
        Assert.Equal("indicators/T01?unit=VN&period=2025\"><script>", rendered.Find(".ind-name").GetAttribute("href"));
        Assert.Equal(7, rendered.FindAll("td").Count);
    }

    private static DashboardRow Row(string name)
    {
        var indicator = new Indicator
        {
            Id = 1, Code = "T01", NameVi = name, NameEn = name, Numerator = "A", Denominator = "B", Factor = 100,
            Direction = Direction.Up, UnitVi = "<%> & ‰", UnitEn = "<%> & ‰", Decimals = 1,
        };
        return new DashboardRow(indicator, 60, 60, 100, 50, 2020, 90, 2030, 0.25, 0.5, IndicatorStatus.AtRisk, 58,
            [56, 58, 60], null, [1, 2], new DateOnly(2023, 1, 1));
    }
}
