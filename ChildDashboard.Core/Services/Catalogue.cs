using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Services;

// The reference data every request needs (units, elements, indicators, targets), held in memory.
public sealed class Catalogue(
    OrgUnitDirectory units,
    IReadOnlyList<Programme> programmes,
    IReadOnlyList<DataElement> elements,
    IReadOnlyList<DisaggregationOption> options,
    IReadOnlyList<Indicator> indicators,
    IReadOnlyList<Target> targets,
    IReadOnlyList<ValidationRule> rules,
    bool isDemoData)
{
    // The database holds the synthetic demo data set: every page says so.
    public bool IsDemoData { get; } = isDemoData;

    public OrgUnitDirectory Units { get; } = units;
    public IReadOnlyList<Programme> Programmes { get; } = programmes;
    public IReadOnlyList<DataElement> Elements { get; } = elements;
    public IReadOnlyList<DisaggregationOption> Options { get; } = options;
    public IReadOnlyList<Indicator> Indicators { get; } = indicators;
    public IReadOnlyList<Target> Targets { get; } = targets;
    public IReadOnlyList<ValidationRule> ValidationRules { get; } = rules;

    public IReadOnlyDictionary<string, DataElement> ElementsByCode { get; } =
        elements.ToDictionary(e => e.Code, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<int, DataElement> ElementsById { get; } = elements.ToDictionary(e => e.Id);

    public IReadOnlyDictionary<string, Indicator> IndicatorsByCode { get; } =
        indicators.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);

    public ILookup<(int IndicatorId, int UnitId), Target> TargetsByIndicatorAndUnit { get; } =
        targets.ToLookup(t => (t.IndicatorId, t.OrgUnitId));

    private readonly Dictionary<string, IReadOnlyList<string>> _optionsByDisaggregation = options
        .GroupBy(o => o.Disaggregation)
        .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(o => o.OptionCode).ToList());

    // An indicator shows for a period unless it or its programme was retired before the period started.
    public bool IsActiveIn(Indicator indicator, Period period) =>
        indicator.IsActiveIn(period) && Programmes.FirstOrDefault(p => p.Id == indicator.ProgrammeId)?.IsActiveIn(period) != false;

    public IReadOnlyList<string> OptionsOf(DataElement element) => _optionsByDisaggregation.GetValueOrDefault(element.Disaggregation) ?? [];
}
