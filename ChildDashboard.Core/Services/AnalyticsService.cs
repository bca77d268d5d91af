using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Core.Services;

// Answers (indicator × unit × period) questions from the in-memory values: value, numerator,
// denominator, the target that applies, progress and status (domain.md §3–4).
public sealed class AnalyticsService(CatalogueCache catalogues, ValueStore store, TimeProvider time, IOptions<StatusOptions> options)
{
    public const string AllIndicators = "ALL";

    // Ten times the national dashboard with its 34 provinces over ten years: a question of more
    // combinations than this is refused instead of answered with millions of rows.
    public const int MaxRows = 120_000;

    // scope: the unit the caller may read (itself, its subtree and its history), or null for all.
    public async Task<AnalyticsResult> QueryAsync(AnalyticsQuery query, OrgUnit? scope = null, CancellationToken ct = default)
    {
        var catalogue = await catalogues.GetAsync();
        var today = VietnamClock.Today(time);
        var resolver = new QueryResolver(catalogue, today, scope);
        var indicators = resolver.Indicators(query.Indicators);
        var units = resolver.Units(query.OrgUnits);
        var periods = resolver.Periods(query.Periods);
        if (!resolver.IsValid)
            return new AnalyticsResult([], resolver.Errors, resolver.IsOutOfScopeOnly);
        if ((long)indicators.Count * units.Count * periods.Count > MaxRows)
        {
            return new AnalyticsResult([], [Language.Pick(
                $"Câu hỏi có {indicators.Count} chỉ tiêu × {units.Count} đơn vị × {periods.Count} kỳ, quá {MaxRows:N0} tổ hợp; hãy chia thành nhiều câu hỏi.",
                $"The question has {indicators.Count} indicators × {units.Count} units × {periods.Count} periods, more than {MaxRows:N0} combinations; split it up.")]);
        }

        var eventCounts = indicators.ToDictionary(i => i.Code, i => ProgressCalculator.IsEventCount(i, catalogue.ElementsByCode));
        var rows = await store.ReadAsync(values =>
        {
            var calculator = new IndicatorCalculator(catalogue.Units, catalogue.ElementsByCode, values);
            var answer = new List<AnalyticsRow>(indicators.Count * units.Count * periods.Count);
            foreach (var indicator in indicators)
            {
                foreach (var (asked, unit) in units)
                {
                    var chain = ProgressCalculator.Chain(catalogue.TargetsByIndicatorAndUnit, indicator, unit);
                    var forecast = query.Forecast ? Forecast(calculator, values, indicator, unit, chain, today.Year) : null;
                    foreach (var period in periods)
                    {
                        var value = calculator.Evaluate(indicator, unit, period);
                        var progress = ProgressCalculator.Evaluate(
                            indicator, eventCounts[indicator.Code], ProgressCalculator.Active(chain, period), period, value.Value, options.Value);
                        answer.Add(new AnalyticsRow(
                            indicator.Code, asked, period.Code, value.Value, value.Numerator, value.Denominator,
                            progress.Baseline, progress.Target, progress.Ratio, progress.Expected, progress.Status,
                            progress.BaselineYear, progress.TargetYear, period.End >= today) { Forecast = forecast });
                    }
                }
            }
            return answer;
        }, ct);
        return new AnalyticsResult(rows, []);
    }

    // The whole years already over, latest first, until six have a value (domain.md §8).
    private static Forecast? Forecast(
        IndicatorCalculator calculator, ValueTable values, Indicator indicator, OrgUnit unit, IReadOnlyList<Target> chain, int currentYear)
    {
        if (ForecastCalculator.TargetFor(chain, currentYear) is not { } target || values.EarliestYear is not { } earliest)
            return null;
        var points = new List<(int, double?)>(ForecastCalculator.MaxPoints);
        for (var year = currentYear - 1; year >= earliest && points.Count < ForecastCalculator.MaxPoints; year--)
        {
            if (calculator.Evaluate(indicator, unit, Period.ForYear(year)).Value is { } value)
                points.Add((year, value));
        }
        return ForecastCalculator.Compute(points, indicator.Direction, target.TargetYear, target.TargetValue);
    }
}
