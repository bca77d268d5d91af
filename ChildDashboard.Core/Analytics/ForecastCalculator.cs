using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Analytics;

// domain.md §8: the latest six whole years with a value (at least three), a Theil–Sen line through
// them, and the smallest year up to 2050 in which the line meets the target.
public static class ForecastCalculator
{
    public const int MaxPoints = 6;
    public const int MinPoints = 3;
    public const int HorizonYear = 2050;
    // A projection within this relative distance of the target counts as meeting it.
    private const double Tolerance = 1e-9;

    // The target of the forecast: the one that applies in the current year (§4's rule for a year).
    public static Target? TargetFor(IReadOnlyList<Target> chain, int currentYear) =>
        ProgressCalculator.Active(chain, Period.ForYear(currentYear));

    // yearValues: the indicator's value of each whole year already over, in any order (years without
    // a value left out or null). Null when fewer than three years have a value.
    public static Forecast? Compute(IEnumerable<(int Year, double? Value)> yearValues, Direction direction, int targetYear, double target)
    {
        var points = yearValues
            .Where(p => p.Value is { } v && double.IsFinite(v))
            .Select(p => (X: p.Year, Y: p.Value.GetValueOrDefault()))
            .OrderByDescending(p => p.X)
            .Take(MaxPoints)
            .OrderBy(p => p.X)
            .ToList();
        if (points.Count < MinPoints || points.Select(p => p.X).Distinct().Count() != points.Count)
            return null;

        var slopes = new List<double>(points.Count * (points.Count - 1) / 2);
        for (var j = 1; j < points.Count; j++)
        {
            for (var k = 0; k < j; k++)
                slopes.Add((points[j].Y - points[k].Y) / (points[j].X - points[k].X));
        }
        var slope = Median(slopes);
        var intercept = Median(points.Select(p => p.Y - slope * p.X).ToList());
        var latest = points[^1];

        int? reached = null;
        if (Meets(direction, latest.Y, target, tolerance: 0))
            reached = latest.X;
        else
        {
            for (var year = latest.X + 1; year <= HorizonYear; year++)
            {
                if (Meets(direction, intercept + slope * year, target, Tolerance))
                {
                    reached = year;
                    break;
                }
            }
        }
        var outcome = reached is { } r && r <= targetYear ? ForecastOutcome.WillMeet : ForecastOutcome.WillMiss;
        return new Forecast(points.Count, points[0].X, latest.X, slope, intercept, targetYear, target,
            intercept + slope * targetYear, reached, outcome);
    }

    private static bool Meets(Direction direction, double value, double target, double tolerance)
    {
        var margin = tolerance * Math.Abs(target);
        return direction == Direction.Up ? value >= target - margin : value <= target + margin;
    }

    // The median; of an even count, the mean of the two middle values.
    public static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
