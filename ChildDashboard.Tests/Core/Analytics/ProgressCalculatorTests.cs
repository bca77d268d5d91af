using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;

namespace ChildDashboard.Tests.Core.Analytics;

// Hand-computed cases of domain.md §4.
public class ProgressCalculatorTests
{
    private static readonly StatusOptions Margins = new();

    private static Indicator Indicator(Direction direction = Direction.Up) => new()
    {
        Id = 1, Code = "X", NameVi = "X", NameEn = "X", Numerator = "A", Denominator = "B", UnitVi = "%", UnitEn = "%", Direction = direction,
    };

    private static Target Target(double target, int targetYear, double? baseline = null, int? baselineYear = null) => new()
    {
        IndicatorId = 1, OrgUnitId = 1, TargetValue = target, TargetYear = targetYear, BaselineValue = baseline, BaselineYear = baselineYear,
    };

    private static Progress Evaluate(Target? target, string period, double? actual, Direction direction = Direction.Up, bool eventCount = false) =>
        ProgressCalculator.Evaluate(Indicator(direction), eventCount, target, Period.Parse(period), actual, Margins);

    [Fact]
    public void TheExchangeSpecExampleIsAtRisk()
    {
        // CP03 2023: 88.8 against 90 by 2025 from 87 in 2017.
        var progress = Evaluate(Target(90, 2025, 87, 2017), "2023", 88.8);

        Assert.Equal(0.6, progress.Ratio!.Value, 12);
        Assert.Equal(0.75, progress.Expected);
        Assert.Equal(IndicatorStatus.AtRisk, progress.Status);
    }

    [Fact]
    public void ExpectedProgressCountsTheElapsedPartOfTheYear()
    {
        // 2025Q2 ends on day 181 of 365: (2025 + 181/365 − 1 − 2017) / 8.
        var progress = Evaluate(Target(90, 2025, 87, 2017), "2025Q2", 88);

        Assert.Equal((2025 + 181.0 / 365 - 1 - 2017) / 8, progress.Expected!.Value, 12);
    }

    [Theory]
    [InlineData(89.7, IndicatorStatus.OnTrack)]   // progress 0.9 ≥ 1 − 0.10
    [InlineData(89.4, IndicatorStatus.AtRisk)]    // progress 0.8 ≥ 1 − 0.25
    [InlineData(89.0, IndicatorStatus.OffTrack)]  // progress 0.667
    [InlineData(88.0, IndicatorStatus.OffTrack)]  // progress 0.333
    [InlineData(90.0, IndicatorStatus.Achieved)]
    [InlineData(95.0, IndicatorStatus.Achieved)]
    public void StatusFollowsTheMarginsInTheTargetYear(double actual, IndicatorStatus expected)
    {
        Assert.Equal(expected, Evaluate(Target(90, 2025, 87, 2017), "2025", actual).Status);
    }

    [Fact]
    public void ForADownIndicatorLowerIsAchieved()
    {
        // INJ01: 1001 in 2016 down to 600 by 2020.
        Assert.Equal(IndicatorStatus.Achieved, Evaluate(Target(600, 2020, 1001, 2016), "2020", 590, Direction.Down).Status);
        var halfway = Evaluate(Target(600, 2020, 1001, 2016), "2018", 800.5, Direction.Down);
        Assert.Equal(0.5, halfway.Ratio!.Value, 12);
        Assert.Equal(0.5, halfway.Expected);
        Assert.Equal(IndicatorStatus.OnTrack, halfway.Status);
    }

    [Fact]
    public void ExpectedIsClampedBetweenZeroAndOne()
    {
        Assert.Equal(0, Evaluate(Target(90, 2025, 87, 2017), "2016", 87).Expected);
        Assert.Equal(1, Evaluate(Target(90, 2025, 87, 2017), "2028", 87).Expected);
    }

    [Fact]
    public void ProgressIsNotClamped()
    {
        Assert.Equal(-1, Evaluate(Target(90, 2025, 87, 2017), "2020", 84).Ratio!.Value, 12);
    }

    [Fact]
    public void WithoutABaselineProgressIsActualOverTarget()
    {
        var target = Target(98.5, 2025);

        Assert.Equal(IndicatorStatus.Achieved, Evaluate(target, "2025", 99).Status);
        var close = Evaluate(target, "2025", 90);
        Assert.Equal(90 / 98.5, close.Ratio!.Value, 12);
        Assert.Null(close.Expected);
        Assert.Equal(IndicatorStatus.AtRisk, close.Status);
        Assert.Equal(IndicatorStatus.OffTrack, Evaluate(target, "2025", 80).Status);
    }

    [Fact]
    public void WithoutABaselineADownIndicatorDividesTargetByActual()
    {
        var target = Target(50, 2025);

        Assert.Equal(50 / 55.0, Evaluate(target, "2025", 55, Direction.Down).Ratio!.Value, 12);
        Assert.Equal(IndicatorStatus.AtRisk, Evaluate(target, "2025", 55, Direction.Down).Status);
        var zero = Evaluate(target, "2025", 0, Direction.Down);
        Assert.Null(zero.Ratio);
        Assert.Equal(IndicatorStatus.Achieved, zero.Status);
    }

    [Fact]
    public void WithoutABaselineATargetOfZeroGivesNoRatioRatherThanInfinity()
    {
        var progress = Evaluate(Target(0, 2025), "2025", 5);

        Assert.Null(progress.Ratio);
        Assert.Equal(IndicatorStatus.Achieved, progress.Status);
        Assert.Null(Evaluate(Target(0, 2025), "2025", 0).Ratio);
    }

    [Fact]
    public void ABaselineYearNotBeforeTheTargetYearMeansNoTrajectory()
    {
        var progress = Evaluate(Target(90, 2025, 87, 2025), "2025", 85);

        Assert.Null(progress.Expected);
        Assert.Equal(85 / 90.0, progress.Ratio!.Value, 12);
    }

    [Fact]
    public void TargetEqualToBaselineGivesNoProgress()
    {
        var missed = Evaluate(Target(90, 2025, 90, 2020), "2023", 89);
        var met = Evaluate(Target(90, 2025, 90, 2020), "2023", 90);

        Assert.Null(missed.Ratio);
        Assert.Equal(IndicatorStatus.OffTrack, missed.Status);
        Assert.Equal(IndicatorStatus.Achieved, met.Status);
    }

    [Fact]
    public void NoValueIsNoDataButTheTargetIsStillReported()
    {
        var progress = Evaluate(Target(90, 2025, 87, 2017), "2023", null);

        Assert.Equal(IndicatorStatus.NoData, progress.Status);
        Assert.Equal(90, progress.Target);
        Assert.Equal(87, progress.Baseline);
        Assert.Equal(0.75, progress.Expected);
        Assert.Null(progress.Ratio);
    }

    [Fact]
    public void NoDataComesBeforeNoTarget()
    {
        Assert.Equal(IndicatorStatus.NoData, Evaluate(null, "2023", null).Status);
        Assert.Equal(IndicatorStatus.NoTarget, Evaluate(null, "2023", 5).Status);
    }

    [Fact]
    public void EventCountsCompareWithAProRatedTarget()
    {
        // 400 surgeries a year from 200 in 2020; 2025Q2 has 91 of 365 days: target 99.7, baseline 49.9,
        // progress (85 − 49.9) / 49.9 = 0.70 against expected (2025 + 181/365 − 1 − 2020) / 5 = 0.90.
        var progress = Evaluate(Target(400, 2025, 200, 2020), "2025Q2", 85, eventCount: true);

        Assert.Equal(400 * 91 / 365.0, progress.Target!.Value, 12);
        Assert.Equal(200 * 91 / 365.0, progress.Baseline!.Value, 12);
        Assert.Equal(IndicatorStatus.AtRisk, progress.Status);
    }

    [Fact]
    public void TheMarginsAreSettings()
    {
        var strict = new StatusOptions { OnTrackMargin = 0.01, AtRiskMargin = 0.02 };

        var status = ProgressCalculator.Evaluate(Indicator(), false, Target(90, 2025, 87, 2017), Period.Parse("2025"), 89.7, strict).Status;

        Assert.Equal(IndicatorStatus.OffTrack, status);
    }

    [Theory]
    [InlineData("2019", 2020)]
    [InlineData("2020", 2020)]
    [InlineData("2020Q4", 2020)]
    [InlineData("2021", 2025)]
    [InlineData("2026Q1", 2030)]
    [InlineData("2031", 2030)]
    public void TheActiveTargetIsTheNextInTheChainOrTheLast(string period, int expectedYear)
    {
        Target[] chain = [Target(600, 2020, 1001, 2016), Target(550, 2025, 600, 2020), Target(500, 2030, 600, 2020)];

        Assert.Equal(expectedYear, ProgressCalculator.Active(chain, Period.Parse(period))?.TargetYear);
    }
}
