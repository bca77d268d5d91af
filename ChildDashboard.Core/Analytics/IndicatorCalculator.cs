using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Analytics;

// The value of an indicator for a unit and period on comparable boundaries (domain.md §1 and §3).
// One instance answers one batch of questions: aggregates are remembered, so the national
// question and its 34 provinces share the work on the elements they have in common.
public sealed class IndicatorCalculator(OrgUnitDirectory units, IReadOnlyDictionary<string, DataElement> elements, ValueTable values)
{
    private readonly Dictionary<(int ElementId, string? Option, int UnitId, Period Period), double?> _aggregates = [];
    private readonly Dictionary<string, Expression> _expressions = [];
    // Scratch space for the Last aggregation, indexed by unit id (NaN: no value yet).
    private double[]? _latest;
    private readonly List<int> _touched = [];

    public IndicatorValue Evaluate(Indicator indicator, OrgUnit unit, Period period)
    {
        // A closed unit has values only for periods that end on or before its last day.
        if (unit.ClosedDate is { } closed && period.End > closed)
            return new IndicatorValue(null, null, null);

        var numerator = FiniteNumber.OrNull(Evaluate(Parse(indicator.Numerator), unit, period));
        var denominator = FiniteNumber.OrNull(Evaluate(Parse(indicator.Denominator), unit, period));
        if (numerator is null || denominator is not { } d || d == 0)
            return new IndicatorValue(numerator, denominator, null);

        var value = indicator.Factor * numerator.Value / d;
        if (indicator.Annualized && period.Type != PeriodType.Yearly)
            value *= (double)period.YearPeriod.Days / period.Days;
        return new IndicatorValue(numerator, denominator, FiniteNumber.OrNull(value));
    }

    private Expression Parse(string text)
    {
        if (!_expressions.TryGetValue(text, out var expression))
            _expressions[text] = expression = Expression.Parse(text);
        return expression;
    }

    // A sum of codes: each aggregated on its own; a code with no data counts as 0 if another has data.
    public double? Evaluate(Expression expression, OrgUnit unit, Period period)
    {
        if (expression.IsOne)
            return 1;
        double? total = null;
        foreach (var term in expression.Terms)
        {
            if (Aggregate(elements[term.ElementCode], term.OptionCode, unit, period) is { } value)
                total = (total ?? 0) + value;
        }
        return total;
    }

    public double? Aggregate(DataElement element, string? option, OrgUnit unit, Period period)
    {
        var key = (element.Id, option, unit.Id, period);
        if (!_aggregates.TryGetValue(key, out var result))
            _aggregates[key] = result = AggregateOnce(element, option, unit, period);
        return result;
    }

    private double? AggregateOnce(DataElement element, string? option, OrgUnit unit, Period period)
    {
        // A Yearly element inside a shorter period takes the whole year's value.
        if (element.PeriodType == PeriodType.Yearly && period.Type != PeriodType.Yearly)
            return Aggregate(element, option, unit, period.YearPeriod);
        // An element is never split into periods shorter than its own.
        if (element.PeriodType > period.Type)
            return null;

        var stored = period.Split(element.PeriodType).ToList();
        return element.AggregationType == AggregationType.Sum
            ? SumOverTime(element, option, unit, stored)
            : LastOverTime(element, option, unit, period, stored);
    }

    private double? SumOverTime(DataElement element, string? option, OrgUnit unit, List<Period> stored)
    {
        double? total = null;
        foreach (var p in stored)
        {
            if (values.Sum(element.Id, option, p, units.TerritoryOf(unit, p.Start)) is { } value)
                total = (total ?? 0) + value;
        }
        return total;
    }

    private double? LastOverTime(DataElement element, string? option, OrgUnit unit, Period period, List<Period> stored)
    {
        // With one stored period no two contributing units can be a unit and its successor.
        if (stored.Count == 1)
            return SumOverTime(element, option, unit, stored);

        // The latest value of each contributing unit: later sub-periods overwrite earlier ones.
        _latest ??= NewLatest(units.MaxId + 1);
        _touched.Clear();
        foreach (var p in stored)
            values.CollectLatest(element.Id, option, p, units.TerritoryOf(unit, p.Start), _latest, _touched);

        double? total = null;
        foreach (var member in _touched)
        {
            // The successor carries the stock of a unit that closed inside the period.
            var memberUnit = units[member];
            if (!(memberUnit.ClosedDate < period.End && HasSuccessorIn(memberUnit, _latest)))
                total = (total ?? 0) + _latest[member];
        }
        foreach (var member in _touched)
            _latest[member] = double.NaN;
        return total;
    }

    private static double[] NewLatest(int size)
    {
        var latest = new double[size];
        Array.Fill(latest, double.NaN);
        return latest;
    }

    private static bool HasSuccessorIn(OrgUnit member, double[] latest)
    {
        for (var successor = member.Successor; successor is not null; successor = successor.Successor)
        {
            if (successor.Id < latest.Length && !double.IsNaN(latest[successor.Id]))
                return true;
        }
        return false;
    }
}
