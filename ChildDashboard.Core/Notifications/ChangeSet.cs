using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Notifications;

// What one committed write changed, published after the commit so that open pages can tell
// whether it touches what they show. Units include every unit whose figures the change moves:
// the changed units, their ancestors, and their successors with theirs (a merged province's
// history is the sum of its predecessors).
public sealed record ChangeSet(
    ChangeKind Kind,
    IReadOnlySet<int> DataElementIds,
    IReadOnlySet<int> IndicatorIds,
    IReadOnlySet<int> OrgUnitIds,
    IReadOnlyList<Period> Periods,
    string ChangedBy,
    DateTimeOffset ChangedAtUtc)
{
    public bool TouchesUnit(int unitId) => Kind == ChangeKind.Targets || OrgUnitIds.Contains(unitId);

    // Target changes carry no periods: a target moves the status of every period.
    public bool TouchesPeriod(Period shown) =>
        Kind == ChangeKind.Targets || Periods.Any(p => p.Start <= shown.End && shown.Start <= p.End);

    public bool TouchesElements(IEnumerable<int> elementIds) => elementIds.Any(DataElementIds.Contains);

    public bool TouchesIndicator(Indicator indicator, IReadOnlyDictionary<string, DataElement> elements) =>
        Kind == ChangeKind.Targets
            ? IndicatorIds.Contains(indicator.Id)
            : TouchesElements(indicator.ElementCodes().Where(elements.ContainsKey).Select(code => elements[code].Id));

    // Whether a figure of any of these indicators for this unit and period may have moved.
    public bool Touches(IEnumerable<Indicator> indicators, IReadOnlyDictionary<string, DataElement> elements, int unitId, Period period) =>
        TouchesUnit(unitId) && TouchesPeriod(period) && indicators.Any(i => TouchesIndicator(i, elements));

    public static ChangeSet ForValues(
        OrgUnitDirectory units, IEnumerable<(int ElementId, int UnitId, Period Period)> changes, string changedBy, DateTimeOffset at)
    {
        var elements = new HashSet<int>();
        var changedUnits = new HashSet<int>();
        var periods = new HashSet<Period>();
        foreach (var (elementId, unitId, period) in changes)
        {
            elements.Add(elementId);
            changedUnits.Add(unitId);
            periods.Add(period);
        }
        var affected = new HashSet<int>();
        foreach (var unitId in changedUnits)
            affected.UnionWith(units.AffectedBy(units[unitId]).Select(u => u.Id));
        return new ChangeSet(ChangeKind.Values, elements, new HashSet<int>(), affected, periods.Order().ToList(), changedBy, at);
    }

    public static ChangeSet ForTargets(IEnumerable<int> indicatorIds, IEnumerable<int> unitIds, string changedBy, DateTimeOffset at) =>
        new(ChangeKind.Targets, new HashSet<int>(), indicatorIds.ToHashSet(), unitIds.ToHashSet(), [], changedBy, at);
}
