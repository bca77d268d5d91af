using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;

namespace ChildDashboard.Core.Services.Dashboards;

// The indicator page, the map and the ranking: one indicator for a unit over the years, and across
// the provinces of a period. Every figure is AnalyticsService's answer (the API's numbers); the
// completeness behind each is CompletenessService's count restricted to the indicator's elements.
public sealed class IndicatorPageService(
    CatalogueCache catalogues, AnalyticsService analytics, ValueStore store, CompletenessService completeness, TimeProvider time)
{
    // The first year the trend looks at (the demo data and the 2016 baselines start there).
    public const int FirstYear = 2016;
    private const string Sex = "sex";

    // Null when no indicator has that code.
    public async Task<IndicatorDetails?> GetAsync(string indicatorCode, OrgUnit unit, Period period, UserAccess access, CancellationToken ct = default)
    {
        Refuse(access, unit);
        var catalogue = await catalogues.GetAsync();
        if (!catalogue.IndicatorsByCode.TryGetValue(indicatorCode, out var indicator))
            return null;
        var today = VietnamClock.Today(time);
        var years = Enumerable.Range(FirstYear, Math.Max(0, today.Year - FirstYear + 1)).Select(Period.ForYear).ToList();
        var periods = years.Append(period).Distinct().ToList();
        var rows = await QueryAsync(indicator, [unit], periods, access, forecast: true, ct);
        var elementIds = ElementIds(catalogue, indicator);
        var counts = await completeness.ForElementsAsync(access, [unit], periods, elementIds, ct);
        IndicatorFigure Figure(Period p) => IndicatorFigure.From(p, rows[(unit.Id, p)], Completeness(counts, unit, p));

        var trend = years.Select(Figure).SkipWhile(f => f.Value is null).ToList();
        var chain = ProgressCalculator.Chain(catalogue.TargetsByIndicatorAndUnit, indicator, unit);
        return new IndicatorDetails(
            indicator, catalogue.Programmes.FirstOrDefault(p => p.Id == indicator.ProgrammeId), unit, period, catalogue.IsDemoData,
            Parts(catalogue, indicator.Numerator), Parts(catalogue, indicator.Denominator),
            Figure(period), trend, chain, chain.Count == 0 ? null : catalogue.Units[chain[0].OrgUnitId],
            rows[(unit.Id, period)].Forecast, await BySexAsync(catalogue, indicator, unit, period, ct),
            Merger(catalogue, unit), elementIds);
    }

    // The provinces of the period (those open on its last day, or today while it runs) and the nation.
    // National users only: a provincial user sees its own province, not its neighbours.
    public async Task<ProvinceComparison?> CompareProvincesAsync(string indicatorCode, Period period, UserAccess access, CancellationToken ct = default)
    {
        var catalogue = await catalogues.GetAsync();
        var nation = catalogue.Units.Root ?? throw new InvalidOperationException("No national unit.");
        if (!access.CanRead(nation))
        {
            throw new DashboardScopeException(Language.Pick(
                $"So sánh giữa các tỉnh chỉ dành cho người dùng cấp quốc gia; bạn xem được {access.Scope.NameVi}.",
                $"Comparing provinces is for national users; you can see {access.Scope.NameEn}."));
        }
        if (!catalogue.IndicatorsByCode.TryGetValue(indicatorCode, out var indicator))
            return null;
        var today = VietnamClock.Today(time);
        var on = period.End < today ? period.End : today;
        var provinces = catalogue.Units.OpenOn(on, 2).ToList();
        var units = provinces.Prepend(nation).ToList();
        var rows = await QueryAsync(indicator, units, [period], access, forecast: false, ct);
        var counts = await completeness.ForElementsAsync(access, units, [period], ElementIds(catalogue, indicator), ct);
        IndicatorFigure Figure(OrgUnit u) => IndicatorFigure.From(period, rows[(u.Id, period)], Completeness(counts, u, period));
        return new ProvinceComparison(indicator, period, on, Figure(nation),
            ProvinceComparison.Ranked(indicator.Direction, provinces.Select(p => (p, Figure(p)))));
    }

    private static void Refuse(UserAccess access, OrgUnit unit)
    {
        if (!access.CanRead(unit))
        {
            throw new DashboardScopeException(Language.Pick(
                $"{unit.NameVi} nằm ngoài phạm vi của bạn ({access.Scope.NameVi}).",
                $"{unit.NameEn} is outside your scope ({access.Scope.NameEn})."));
        }
    }

    private async Task<Dictionary<(int UnitId, Period Period), AnalyticsRow>> QueryAsync(
        Indicator indicator, IReadOnlyList<OrgUnit> units, IReadOnlyList<Period> periods, UserAccess access, bool forecast, CancellationToken ct)
    {
        var references = units.Select(u => new OrgUnitReference(u.Code, u.OpeningDate).ToString()).ToList();
        var result = await analytics.QueryAsync(
            new AnalyticsQuery([indicator.Code], references, periods.Select(p => p.Code).ToList(), forecast), access.ScopeOrNullIfNational, ct);
        if (!result.IsValid)
            throw result.OutOfScope ? new DashboardScopeException(string.Join(" ", result.Errors)) : new InvalidOperationException(string.Join(" ", result.Errors));
        var unitOf = units.Select((u, i) => (references[i], u)).ToDictionary(p => p.Item1, p => p.u);
        return result.Rows.ToDictionary(r => (unitOf[r.OrgUnit].Id, Period.Parse(r.Period)));
    }

    private static DataCompleteness? Completeness(IReadOnlyDictionary<(int, Period), (int Entered, int Expected)> counts, OrgUnit unit, Period period) =>
        counts.TryGetValue((unit.Id, period), out var c) ? new DataCompleteness(c.Entered, c.Expected) : null;

    private static List<int> ElementIds(Catalogue catalogue, Indicator indicator) =>
        indicator.ElementCodes().Where(catalogue.ElementsByCode.ContainsKey).Select(code => catalogue.ElementsByCode[code].Id).ToList();

    private static List<ExpressionPart> Parts(Catalogue catalogue, string expression) =>
        Expression.Parse(expression).Terms.Where(t => catalogue.ElementsByCode.ContainsKey(t.ElementCode))
            .Select(t => new ExpressionPart(catalogue.ElementsByCode[t.ElementCode], t.OptionCode)).ToList();

    // By sex where every element of the numerator (and of the denominator, unless it is 1) is
    // entered by sex and the indicator names no option itself: both restricted to the same sex.
    private async Task<IReadOnlyList<SexFigure>> BySexAsync(Catalogue catalogue, Indicator indicator, OrgUnit unit, Period period, CancellationToken ct)
    {
        var numerator = Expression.Parse(indicator.Numerator);
        var denominator = Expression.Parse(indicator.Denominator);
        bool BySex(Expression e) => e.Terms.All(t => t.OptionCode is null
            && catalogue.ElementsByCode.TryGetValue(t.ElementCode, out var element) && element.Disaggregation == Sex);
        if (numerator.IsOne || !BySex(numerator) || !BySex(denominator))
            return [];
        var options = catalogue.Options.Where(o => o.Disaggregation == Sex).ToList();
        string Restrict(Expression e, string option) =>
            e.IsOne ? "1" : string.Join("+", e.Terms.Select(t => $"{t.ElementCode}.{option}"));
        return await store.ReadAsync(values =>
        {
            var calculator = new IndicatorCalculator(catalogue.Units, catalogue.ElementsByCode, values);
            return options.Select(option =>
            {
                var restricted = new Indicator
                {
                    Code = indicator.Code, NameVi = indicator.NameVi, NameEn = indicator.NameEn,
                    Numerator = Restrict(numerator, option.OptionCode), Denominator = Restrict(denominator, option.OptionCode),
                    Factor = indicator.Factor, Direction = indicator.Direction, Annualized = indicator.Annualized,
                    UnitVi = indicator.UnitVi, UnitEn = indicator.UnitEn, Decimals = indicator.Decimals,
                };
                var value = calculator.Evaluate(restricted, unit, period);
                return new SexFigure(option.OptionCode, option.NameVi, option.NameEn, value.Value, value.Numerator, value.Denominator);
            }).ToList();
        }, ct);
    }

    private static MergerHistory Merger(Catalogue catalogue, OrgUnit unit)
    {
        var lastDay = catalogue.Units.All.Where(u => u.Level == 2 && u.ClosedDate is not null).Select(u => u.ClosedDate.GetValueOrDefault())
            .DefaultIfEmpty(new DateOnly(2025, 6, 30)).Max();
        return new MergerHistory(lastDay.AddDays(1),
            catalogue.Units.PredecessorsOf(unit).OrderBy(u => u.Code, StringComparer.Ordinal).ToList(), unit.Successor,
            catalogue.Units.OpenOn(lastDay, 2).Count(), catalogue.Units.OpenOn(lastDay.AddDays(1), 2).Count());
    }
}
