using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;

namespace ChildDashboard.Tests.Core.Analytics;

// Hand-computed cases of domain.md §8.
public class ForecastCalculatorTests
{
    private static Forecast? Compute(Direction direction, int targetYear, double target, params (int Year, double? Value)[] points) =>
        ForecastCalculator.Compute(points, direction, targetYear, target);

    [Fact]
    public void FivePointsGiveTheMedianOfTenSlopesAndMeetTheTargetInItsYear()
    {
        // Slopes sorted: −1, ½, ½, ⅔, 1, 1, 1, 1½, 2, 2 → median 1; y − x: −1935 ×3, −1934, −1936 → −1935.
        var forecast = Compute(Direction.Up, 2025, 90, (2020, 85), (2021, 86), (2022, 88), (2023, 87), (2024, 89))!;

        Assert.Equal(5, forecast.Points);
        Assert.Equal(2020, forecast.FromYear);
        Assert.Equal(2024, forecast.ToYear);
        Assert.Equal(1, forecast.Slope);
        Assert.Equal(-1935, forecast.Intercept);
        Assert.Equal(90, forecast.Projected);
        Assert.Equal(2025, forecast.ReachedYear);
        Assert.Equal(ForecastOutcome.WillMeet, forecast.Outcome);
    }

    [Fact]
    public void ATargetOneHigherIsReachedAYearLateAndMissed()
    {
        var forecast = Compute(Direction.Up, 2025, 91, (2020, 85), (2021, 86), (2022, 88), (2023, 87), (2024, 89))!;

        Assert.Equal(2026, forecast.ReachedYear);
        Assert.Equal(90, forecast.Projected);
        Assert.Equal(ForecastOutcome.WillMiss, forecast.Outcome);
    }

    [Fact]
    public void FourPointsTakeTheMeanOfTheTwoMiddleSlopesAndResiduals()
    {
        // Slopes: 4, 1, 10/3, −2, 3, 8 → sorted −2, 1, 3, 10/3, 4, 8 → b = (3 + 10/3) / 2 = 19/6.
        // y − b(x − 2021): 10, 10⅚, 5⅔, 10½ → median (10 + 10½) / 2 = 10¼.
        var forecast = Compute(Direction.Up, 2030, 30, (2021, 10), (2022, 14), (2023, 12), (2024, 20))!;

        Assert.Equal(19.0 / 6, forecast.Slope, 12);
        Assert.Equal(10.25 - 19.0 / 6 * 2021, forecast.Intercept, 9);
        // 2030: 10¼ + 9 × 19/6 = 38¾. 2027 gives 29¼ < 30; 2028 gives 32 5/12.
        Assert.Equal(38.75, forecast.Projected, 9);
        Assert.Equal(2028, forecast.ReachedYear);
        Assert.Equal(ForecastOutcome.WillMeet, forecast.Outcome);
    }

    [Fact]
    public void YearsWithoutAValueAreSkippedAndADownwardLineMeetsADownTarget()
    {
        // 2017–2024 with 2018 and 2021–2023 missing: y = 4064 − 2x through every point.
        var forecast = Compute(Direction.Down, 2030, 10,
            (2017, 30), (2018, null), (2019, 26), (2020, 24), (2021, null), (2022, null), (2023, null), (2024, 16))!;

        Assert.Equal(4, forecast.Points);
        Assert.Equal(2017, forecast.FromYear);
        Assert.Equal(-2, forecast.Slope);
        Assert.Equal(4064, forecast.Intercept);
        Assert.Equal(4, forecast.Projected);
        Assert.Equal(2027, forecast.ReachedYear);
        Assert.Equal(ForecastOutcome.WillMeet, forecast.Outcome);
    }

    [Fact]
    public void OnlyTheLatestSixYearsCount()
    {
        // 2015–2018 would pull the line up; 2019–2024 lie on y = x − 2000 (19, 20, … 24).
        var forecast = Compute(Direction.Up, 2030, 40,
            (2015, 900), (2016, 800), (2017, 700), (2018, 600),
            (2019, 19), (2020, 20), (2021, 21), (2022, 22), (2023, 23), (2024, 24))!;

        Assert.Equal(6, forecast.Points);
        Assert.Equal(2019, forecast.FromYear);
        Assert.Equal(1, forecast.Slope);
        Assert.Equal(30, forecast.Projected);
        Assert.Equal(2040, forecast.ReachedYear);
        Assert.Equal(ForecastOutcome.WillMiss, forecast.Outcome);
    }

    [Fact]
    public void ALatestValueAlreadyAtTheTargetIsReachedThatYearWhateverTheSlope()
    {
        // Down: 9½ ≤ 10 although the line rises.
        var forecast = Compute(Direction.Down, 2030, 10, (2021, 8), (2022, 9), (2023, 9.5))!;

        Assert.Equal(2023, forecast.ReachedYear);
        Assert.Equal(ForecastOutcome.WillMeet, forecast.Outcome);
        Assert.True(forecast.Projected > 10);
    }

    [Fact]
    public void ALineGoingTheWrongWayIsNeverReachedBy2050()
    {
        // y = 2072 − x: 42 in 2030.
        var forecast = Compute(Direction.Up, 2030, 60, (2022, 50), (2023, 49), (2024, 48))!;

        Assert.Null(forecast.ReachedYear);
        Assert.Equal(42, forecast.Projected);
        Assert.Equal(ForecastOutcome.WillMiss, forecast.Outcome);
    }

    [Fact]
    public void ALineReachingTheTargetOnlyAfter2050IsNeverReached()
    {
        // y = x − 2000 reaches 51 in 2051.
        var forecast = Compute(Direction.Up, 2030, 51, (2022, 22), (2023, 23), (2024, 24))!;

        Assert.Null(forecast.ReachedYear);
        Assert.Equal(ForecastOutcome.WillMiss, forecast.Outcome);
        Assert.Equal(2050, Compute(Direction.Up, 2030, 50, (2022, 22), (2023, 23), (2024, 24))!.ReachedYear);
    }

    [Fact]
    public void AProjectionWithinRoundingOfTheTargetMeetsIt()
    {
        // 0.1, 0.2, 0.3: the line gives 0.6 in 2027 only up to binary rounding.
        var forecast = Compute(Direction.Up, 2027, 0.6, (2022, 0.1), (2023, 0.2), (2024, 0.3))!;

        Assert.Equal(2027, forecast.ReachedYear);
        Assert.Equal(ForecastOutcome.WillMeet, forecast.Outcome);
    }

    [Fact]
    public void FewerThanThreeYearsGiveNoForecast()
    {
        Assert.Null(Compute(Direction.Up, 2030, 10, (2023, 1), (2024, 2)));
        Assert.Null(Compute(Direction.Up, 2030, 10, (2021, 1), (2022, null), (2023, 2), (2024, null)));
        Assert.Null(Compute(Direction.Up, 2030, 10));
    }

    [Fact]
    public void TheTargetIsTheOneThatAppliesInTheCurrentYear()
    {
        Target T(int year) => new() { TargetYear = year, TargetValue = year };
        var chain = new[] { T(2020), T(2025), T(2030) };

        Assert.Equal(2030, ForecastCalculator.TargetFor(chain, 2026)!.TargetYear);
        Assert.Equal(2025, ForecastCalculator.TargetFor(chain, 2025)!.TargetYear);
        Assert.Equal(2030, ForecastCalculator.TargetFor(chain, 2031)!.TargetYear);
        Assert.Null(ForecastCalculator.TargetFor([], 2026));
    }
}
