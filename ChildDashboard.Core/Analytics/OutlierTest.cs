namespace ChildDashboard.Core.Analytics;

// Whether a value is unusual against the unit's own history, by the modified z-score of Iglewicz
// and Hoaglin: 0.6745 × |x − median| ÷ MAD above 3.5, MAD being the median absolute deviation.
// Median and MAD ignore a few extreme quarters, unlike mean and standard deviation, and unlike a
// fixed min/max they follow each unit's own level (skewed counts raise no false alarms).
public static class OutlierTest
{
    public const int MinimumHistory = 4;
    public const double Threshold = 3.5;
    private const double Consistency = 0.6745;

    // The score, or null when there is too little history or it does not vary at all.
    public static double? Score(double value, IReadOnlyCollection<double> history)
    {
        if (history.Count < MinimumHistory)
            return null;
        var median = Median(history);
        var mad = Median(history.Select(h => Math.Abs(h - median)).ToList());
        if (mad > 0)
            return Consistency * Math.Abs(value - median) / mad;
        // Half the history or more equals the median: the mean absolute deviation (scaled to agree
        // with MAD for normal data) still measures how much the rest varies.
        var meanDeviation = history.Average(h => Math.Abs(h - median));
        return meanDeviation > 0 ? Math.Abs(value - median) / (1.2533 * meanDeviation) : null;
    }

    public static bool IsOutlier(double value, IReadOnlyCollection<double> history) =>
        Score(value, history) is > Threshold;

    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            throw new ArgumentException("The median of nothing is undefined.", nameof(values));
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
