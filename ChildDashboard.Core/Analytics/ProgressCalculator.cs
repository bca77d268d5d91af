using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Analytics;

// Targets, progress, expected progress and status, exactly as domain.md §4 says.
public static class ProgressCalculator
{
    // The chain of the unit, or else of its nearest ancestor that has one; chains are never merged.
    public static IReadOnlyList<Target> Chain(ILookup<(int IndicatorId, int UnitId), Target> targets, Indicator indicator, OrgUnit unit)
    {
        for (var u = unit; u is not null; u = u.Parent)
        {
            var chain = targets[(indicator.Id, u.Id)];
            if (chain.Any())
                return chain.OrderBy(t => t.TargetYear).ToList();
        }
        return [];
    }

    // For a period ending in year Y: the target with the smallest target year ≥ Y, else the last one.
    public static Target? Active(IReadOnlyList<Target> chain, Period period)
    {
        var year = period.End.Year;
        return chain.Where(t => t.TargetYear >= year).MinBy(t => t.TargetYear) ?? chain.MaxBy(t => t.TargetYear);
    }

    // Event counts (denominator 1, numerator only of Quarterly Sum elements) compare with targets
    // pro-rated to the period; rates are annualized instead and stocks or shares compare as they are.
    public static bool IsEventCount(Indicator indicator, IReadOnlyDictionary<string, DataElement> elements)
    {
        var numerator = Expression.Parse(indicator.Numerator);
        return Expression.Parse(indicator.Denominator).IsOne
            && !numerator.IsOne
            && numerator.ElementCodes.All(code => elements.TryGetValue(code, out var e)
                && e.PeriodType == PeriodType.Quarterly && e.AggregationType == AggregationType.Sum);
    }

    public static Progress Evaluate(Indicator indicator, bool isEventCount, Target? target, Period period, double? actual, StatusOptions options)
    {
        if (target is null)
            return actual is null ? Progress.NoTarget with { Status = IndicatorStatus.NoData } : Progress.NoTarget;

        var scale = isEventCount && period.Type != PeriodType.Yearly ? (double)period.Days / period.YearPeriod.Days : 1;
        var targetValue = target.TargetValue * scale;
        var baselineValue = target.BaselineValue * scale;

        if (!target.HasBaseline)
        {
            // Null rather than ∞ or NaN when dividing by 0, in either direction.
            var ratio = FiniteNumber.OrNull(actual is not { } a ? null
                : indicator.Direction == Direction.Up ? (targetValue == 0 ? null : a / targetValue)
                : a == 0 ? (double?)null : targetValue / a);
            var status = actual is not { } value ? IndicatorStatus.NoData
                : IsAchieved(indicator, value, targetValue) ? IndicatorStatus.Achieved
                : ratio >= options.NoBaselineAtRisk ? IndicatorStatus.AtRisk
                : IndicatorStatus.OffTrack;
            return new Progress(baselineValue, target.BaselineYear, targetValue, target.TargetYear, ratio, null, status);
        }

        var baselineYear = target.BaselineYear.GetValueOrDefault();
        var baseline = baselineValue.GetValueOrDefault();
        var year = period.End.Year;
        var elapsed = (double)(period.End.DayNumber - period.YearPeriod.Start.DayNumber + 1) / period.YearPeriod.Days;
        var expected = Math.Clamp((year + elapsed - 1 - baselineYear) / (target.TargetYear - baselineYear), 0, 1);
        var progress = FiniteNumber.OrNull(actual is { } actualValue && targetValue != baseline
            ? (actualValue - baseline) / (targetValue - baseline)
            : null);

        var trajectoryStatus = actual is not { } v ? IndicatorStatus.NoData
            : IsAchieved(indicator, v, targetValue) ? IndicatorStatus.Achieved
            : progress is not { } p ? IndicatorStatus.OffTrack
            : p >= expected - options.OnTrackMargin ? IndicatorStatus.OnTrack
            : p >= expected - options.AtRiskMargin ? IndicatorStatus.AtRisk
            : IndicatorStatus.OffTrack;
        return new Progress(baselineValue, baselineYear, targetValue, target.TargetYear, progress, expected, trajectoryStatus);
    }

    private static bool IsAchieved(Indicator indicator, double actual, double target) =>
        indicator.Direction == Direction.Up ? actual >= target : actual <= target;
}
