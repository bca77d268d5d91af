using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Core.Services;

// Answers (indicator × unit × period) questions from the in-memory values: value, numerator,
// denominator, the target that applies, progress and status (domain.md §3–4).
public sealed class AnalyticsService(CatalogueCache catalogues, ValueStore store, TimeProvider time, IOptions<StatusOptions> options)
{
    public const string AllIndicators = "ALL";

    // scope: the unit the caller may read (itself, its subtree and its history), or null for all.
    public async Task<AnalyticsResult> QueryAsync(AnalyticsQuery query, OrgUnit? scope = null, CancellationToken ct = default)
    {
        var catalogue = await catalogues.GetAsync();
        var today = VietnamClock.Today(time);
        var errors = new List<string>();

        var indicators = ResolveIndicators(catalogue, query.Indicators, errors);
        var units = ResolveUnits(catalogue, query.OrgUnits, today, scope, errors);
        var periods = ResolvePeriods(query.Periods, errors);
        if (errors.Count > 0)
            return new AnalyticsResult([], errors);

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
                    foreach (var period in periods)
                    {
                        var value = calculator.Evaluate(indicator, unit, period);
                        var progress = ProgressCalculator.Evaluate(
                            indicator, eventCounts[indicator.Code], ProgressCalculator.Active(chain, period), period, value.Value, options.Value);
                        answer.Add(new AnalyticsRow(
                            indicator.Code, asked, period.Code, value.Value, value.Numerator, value.Denominator,
                            progress.Baseline, progress.Target, progress.Ratio, progress.Expected, progress.Status,
                            progress.BaselineYear, progress.TargetYear, period.End >= today));
                    }
                }
            }
            return answer;
        }, ct);
        return new AnalyticsResult(rows, []);
    }

    private static List<Indicator> ResolveIndicators(Catalogue catalogue, IReadOnlyList<string> codes, List<string> errors)
    {
        if (codes.Count == 0)
            errors.Add("Name at least one indicator (or ALL).");
        if (codes.Any(c => c.Equals(AllIndicators, StringComparison.OrdinalIgnoreCase)))
            return catalogue.Indicators.ToList();
        var found = new List<Indicator>();
        foreach (var code in codes.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (catalogue.IndicatorsByCode.TryGetValue(code, out var indicator))
                found.Add(indicator);
            else
                errors.Add($"Unknown indicator '{code}'.");
        }
        return found;
    }

    private static List<(string Asked, OrgUnit Unit)> ResolveUnits(
        Catalogue catalogue, IReadOnlyList<string> references, DateOnly today, OrgUnit? scope, List<string> errors)
    {
        if (references.Count == 0)
            errors.Add("Name at least one orgUnit.");
        var found = new List<(string, OrgUnit)>();
        foreach (var text in references.Distinct(StringComparer.Ordinal))
        {
            if (!OrgUnitReference.TryParse(text, out var reference, out var error))
            {
                errors.Add(error);
                continue;
            }
            var unit = catalogue.Units.Find(reference, today);
            if (unit is null)
            {
                errors.Add(reference.Date is { } date
                    ? $"No unit with code '{reference.Code}' was open on {date:yyyy-MM-dd}."
                    : $"Unknown unit code '{reference.Code}'.");
                continue;
            }
            if (scope is not null && !catalogue.Units.IsWithin(unit, scope))
            {
                errors.Add($"Unit '{text}' is outside your scope ({scope.Code}).");
                continue;
            }
            found.Add((text, unit));
        }
        return found;
    }

    private static List<Period> ResolvePeriods(IReadOnlyList<string> codes, List<string> errors)
    {
        if (codes.Count == 0)
            errors.Add("Name at least one period.");
        var found = new List<Period>();
        foreach (var code in codes.Distinct(StringComparer.Ordinal))
        {
            if (Period.TryParse(code, out var period, out var error))
                found.Add(period);
            else
                errors.Add(error);
        }
        return found;
    }
}
