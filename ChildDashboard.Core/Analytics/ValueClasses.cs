namespace ChildDashboard.Core.Analytics;

// Class breaks of a value map (ColorBrewer's sequential classes): quantiles of the values shown,
// so that each class holds about as many provinces; fewer classes when fewer distinct values.
public sealed record ValueClasses(IReadOnlyList<double> Breaks)
{
    public const int DefaultCount = 5;

    // Breaks[i] is the upper bound (inclusive) of class i; the last is the largest value.
    public int Count => Breaks.Count;

    public static ValueClasses Quantiles(IEnumerable<double> values, int classes = DefaultCount)
    {
        var sorted = values.Where(double.IsFinite).Order().ToList();
        if (sorted.Count == 0)
            return new ValueClasses([]);
        var breaks = new List<double>(classes);
        for (var i = 1; i <= classes; i++)
        {
            // The value at the i-th fraction of the sorted list (nearest rank).
            var rank = (int)Math.Ceiling((double)i * sorted.Count / classes) - 1;
            var upper = sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
            if (breaks.Count == 0 || upper > breaks[^1])
                breaks.Add(upper);
        }
        return new ValueClasses(breaks);
    }

    // The class of a value (0 = lowest); null for no value.
    public int? ClassOf(double? value)
    {
        if (value is not { } v || Breaks.Count == 0)
            return null;
        for (var i = 0; i < Breaks.Count; i++)
        {
            if (v <= Breaks[i])
                return i;
        }
        return Breaks.Count - 1;
    }

    // The lower bound of class i: the smallest value shown for the first, else the previous break.
    public double LowerBound(int index, double minimum) => index == 0 ? minimum : Breaks[index - 1];
}
