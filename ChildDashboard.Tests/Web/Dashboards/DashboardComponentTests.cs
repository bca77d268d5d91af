using System.Globalization;
using Bunit;
using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Services.Dashboards;
using ChildDashboard.Web.Components.Dashboards;
using ChildDashboard.Web.Components.Shared;
using ChildDashboard.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ChildDashboard.Tests.Web.Dashboards;

// The pieces of a dashboard row on figures computed by Core's own progress and forecast rules:
// a target from 2020 to 2030 read in 2025 (expected half way), in both directions.
public class DashboardComponentTests : MudTestContext
{
    private static readonly Period Year = Period.ForYear(2025);

    // Up: baseline 50, target 90. Down: baseline 50, target 10. Progress 0.5 is on track, 0.3 at
    // risk, 0.05 off track.
    public static TheoryData<Direction, IndicatorStatus, double?> Cases() => new()
    {
        { Direction.Up, IndicatorStatus.Achieved, 95 },
        { Direction.Up, IndicatorStatus.OnTrack, 70 },
        { Direction.Up, IndicatorStatus.AtRisk, 62 },
        { Direction.Up, IndicatorStatus.OffTrack, 52 },
        { Direction.Up, IndicatorStatus.NoData, null },
        { Direction.Down, IndicatorStatus.Achieved, 8 },
        { Direction.Down, IndicatorStatus.OnTrack, 30 },
        { Direction.Down, IndicatorStatus.AtRisk, 38 },
        { Direction.Down, IndicatorStatus.OffTrack, 48 },
        { Direction.Down, IndicatorStatus.NoData, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ARowShowsTheStatusOfItsFiguresInWordIconAndColour(Direction direction, IndicatorStatus status, double? actual)
    {
        var row = Row(direction, actual);
        Assert.Equal(status, row.Status);

        var rendered = RenderRow(row);

        var chip = rendered.Find(".status-chip");
        Assert.Equal(status.ToString(), chip.GetAttribute("data-status"));
        Assert.Equal(Vietnamese[status], chip.TextContent.Trim());
        Assert.Contains(StatusStyle.Colour(status), chip.GetAttribute("style"));
        Assert.NotNull(chip.QuerySelector("svg"));
        Assert.Equal(direction.ToString(), rendered.Find("svg.bullet-graph").GetAttribute("data-direction"));
        // The bar is the value, in the status colour; none without a value.
        var bar = rendered.FindAll("rect.bullet-bar");
        if (actual is null)
            Assert.Empty(bar);
        else
            Assert.Equal(StatusStyle.Colour(status), bar.Single().GetAttribute("fill"));
        // At phone width each figure keeps its label (the row becomes a card).
        Assert.Equal(["Giá trị", "Mục tiêu", "Tiến độ", "Tình trạng", "So với cùng kỳ", "Xu hướng"],
            rendered.FindAll("td[data-label]").Select(td => td.GetAttribute("data-label")));
        Assert.Equal(actual is { } v ? v.ToString("N1", CultureInfo.GetCultureInfo("vi-VN")) : "—", rendered.Find("td.col-value").TextContent.Trim());
        Assert.Equal(direction == Direction.Up ? "90,0 (2030)" : "10,0 (2030)", rendered.Find("td.col-target").TextContent.Trim());
    }

    [Theory]
    [InlineData(Direction.Up)]
    [InlineData(Direction.Down)]
    public void TheBulletBarGrowsTowardsTheTargetInEitherDirection(Direction direction)
    {
        var values = direction == Direction.Up ? new double[] { 52, 62, 70, 95 } : [48, 38, 30, 8];

        var widths = values.Select(v => BarWidth(RenderRow(Row(direction, v)))).ToList();

        Assert.Equal(widths.Order().ToList(), widths);
        Assert.Equal(widths.Count, widths.Distinct().Count());
        // The expected mark sits half way between baseline and target (70 or 30): the on-track value.
        var onTrack = RenderRow(Row(direction, values[2]));
        Assert.Contains(direction == Direction.Up ? "Mức kỳ vọng theo lộ trình: 70,0" : "Mức kỳ vọng theo lộ trình: 30,0",
            onTrack.Find("svg.bullet-graph").GetAttribute("aria-label"));
        // The target tick is to the right of the band's start whatever the direction.
        var target = double.Parse(onTrack.Find("rect.bullet-target").GetAttribute("x")!, CultureInfo.InvariantCulture);
        var band = double.Parse(onTrack.Find("rect.bullet-band").GetAttribute("x")!, CultureInfo.InvariantCulture);
        Assert.True(target > band);
    }

    [Fact]
    public void WithoutATargetTheRowSaysSoAndDrawsNoBullet()
    {
        var indicator = Indicator(Direction.Up);
        var progress = ProgressCalculator.Evaluate(indicator, false, null, Year, 60, new StatusOptions());
        var row = ToRow(indicator, 60, progress, null);

        var rendered = RenderRow(row);

        Assert.Equal("Chưa có mục tiêu", rendered.Find(".status-chip").TextContent.Trim());
        Assert.Equal("—", rendered.Find("td.col-target").TextContent.Trim());
        Assert.Empty(rendered.FindAll("svg.bullet-graph"));
        Assert.NotEmpty(rendered.FindAll(".bullet-none"));
    }

    [Fact]
    public void EveryStatusHasItsWordInEnglish()
    {
        UseCulture("en-US");

        var words = Enum.GetValues<IndicatorStatus>().ToDictionary(s => s, s => Render<StatusChip>(p => p.Add(x => x.Status, s)).Find(".status-chip").TextContent.Trim());

        Assert.Equal(new Dictionary<IndicatorStatus, string>
        {
            [IndicatorStatus.Achieved] = "Achieved", [IndicatorStatus.OnTrack] = "On track", [IndicatorStatus.AtRisk] = "At risk",
            [IndicatorStatus.OffTrack] = "Off track", [IndicatorStatus.NoData] = "No data", [IndicatorStatus.NoTarget] = "No target",
        }, words);
        Assert.Equal(6, Enum.GetValues<IndicatorStatus>().Select(StatusStyle.Colour).Distinct().Count());
    }

    [Theory]
    // Rising 2 points a year from 88 in 2025: 95 is met in 2029.
    [InlineData(Direction.Up, new double[] { 80, 82, 84, 86, 88 }, 2030, 95, "WillMeet", "Theo đà hiện nay đạt mục tiêu vào năm 2029, kịp mốc 2030.")]
    [InlineData(Direction.Up, new double[] { 80, 82, 84, 86, 88 }, 2027, 95, "WillMiss", "Theo đà hiện nay đạt mục tiêu vào năm 2029, muộn hơn mốc 2027 (năm 2027 ước đạt 92,0).")]
    [InlineData(Direction.Up, new double[] { 80, 82, 84, 86, 88 }, 2030, 85, "WillMeet", "Đã đạt mục tiêu 2030 (năm 2025).")]
    // Falling 2 points a year from 22: 15 is met in 2029. Rising when down is good: never.
    [InlineData(Direction.Down, new double[] { 30, 28, 26, 24, 22 }, 2030, 15, "WillMeet", "Theo đà hiện nay đạt mục tiêu vào năm 2029, kịp mốc 2030.")]
    [InlineData(Direction.Down, new double[] { 80, 82, 84, 86, 88 }, 2030, 70, "WillMiss", "Theo đà hiện nay không đạt mục tiêu 70,0 trước năm 2050 (năm 2030 ước đạt 98,0).")]
    public void TheForecastSaysWhenTheTargetIsReachedOrByHowMuchItIsMissed(Direction direction, double[] series, int targetYear, double target, string outcome, string text)
    {
        var forecast = ForecastCalculator.Compute(series.Select((v, i) => (2021 + i, (double?)v)), direction, targetYear, target);

        var rendered = Render<ForecastText>(p => p.Add(x => x.Forecast, forecast).Add(x => x.Decimals, 1));

        Assert.Equal(outcome, rendered.Find(".forecast-text").GetAttribute("data-outcome"));
        Assert.Equal(text, rendered.Find(".forecast-text").TextContent.Trim());
    }

    [Fact]
    public void FewerThanThreeYearsGiveNoForecastAndNoText()
    {
        var forecast = ForecastCalculator.Compute([(2024, 80), (2025, 82)], Direction.Up, 2030, 95);

        Assert.Null(forecast);
        Assert.Empty(Render<ForecastText>(p => p.Add(x => x.Forecast, forecast)).FindAll(".forecast-text"));
    }

    private static readonly Dictionary<IndicatorStatus, string> Vietnamese = new()
    {
        [IndicatorStatus.Achieved] = "Đã đạt", [IndicatorStatus.OnTrack] = "Đúng tiến độ", [IndicatorStatus.AtRisk] = "Có nguy cơ",
        [IndicatorStatus.OffTrack] = "Chậm tiến độ", [IndicatorStatus.NoData] = "Chưa có số liệu", [IndicatorStatus.NoTarget] = "Chưa có mục tiêu",
    };

    // The row as the dashboard writes it: its cells from the shared markup builder.
    private IRenderedComponent<IComponent> RenderRow(DashboardRow row)
    {
        var cells = DashboardMarkup.IndicatorCells(Services.GetRequiredService<IStringLocalizer<SharedResource>>(), row, [2023, 2024, 2025], "indicators/T01");
        return Render(builder => builder.AddMarkupContent(0, $"<table><tbody><tr class=\"ind-row\">{cells}</tr></tbody></table>"));
    }

    private static double BarWidth(IRenderedComponent<IComponent> row) =>
        double.Parse(row.Find("rect.bullet-bar").GetAttribute("width")!, CultureInfo.InvariantCulture);

    private static Indicator Indicator(Direction direction) => new()
    {
        Id = 1, Code = "T01", NameVi = "Chỉ tiêu thử", NameEn = "Test indicator", Numerator = "A", Denominator = "B", Factor = 100,
        Direction = direction, UnitVi = "%", UnitEn = "%", Decimals = 1,
    };

    private static DashboardRow Row(Direction direction, double? actual)
    {
        var indicator = Indicator(direction);
        var target = new Target { IndicatorId = 1, BaselineYear = 2020, BaselineValue = 50, TargetYear = 2030, TargetValue = direction == Direction.Up ? 90 : 10 };
        return ToRow(indicator, actual, ProgressCalculator.Evaluate(indicator, false, target, Year, actual, new StatusOptions()), actual is null ? null : actual - 1);
    }

    private static DashboardRow ToRow(Indicator indicator, double? actual, Progress progress, double? lastYear) => new(
        indicator, actual, actual, 100, progress.Baseline, progress.BaselineYear, progress.Target, progress.TargetYear,
        progress.Ratio, progress.Expected, progress.Status, lastYear, [actual - 2, actual - 1, actual], null, [1, 2], new DateOnly(2023, 1, 1));

    [Fact]
    public void ASparklineWritesItsSvgNumbersWithADotInVietnamese()
    {
        var line = Render<Sparkline>(p => p
            .Add(s => s.Values, [1.0, 3.0, null, 2.0, 7.0, 4.5])
            .Add(s => s.Years, [2020, 2021, 2022, 2023, 2024, 2025])
            .Add(s => s.Target, 5.0)
            .Add(s => s.Decimals, 1));

        var last = line.Find("circle.sparkline-last");
        Assert.Equal("10.5", last.GetAttribute("cy"));
        foreach (var value in new[] { last.GetAttribute("cx"), last.GetAttribute("cy"), line.Find("line.sparkline-target").GetAttribute("y1") })
            Assert.Matches(@"^\d+(\.\d+)?$", value);
        Assert.Contains("2025: 4,5", line.Find("svg").GetAttribute("aria-label") ?? "", StringComparison.Ordinal);
    }
}
