using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Notifications;

// What one committed write changed, published after the commit so that open pages can tell
// whether it touches what they show. OrgUnitIds holds every unit whose figures the change moves:
// the changed units (ChangedOrgUnitIds), their ancestors, and their successors with theirs (a
// merged province's history is the sum of its predecessors). Origin names the app server the
// change came from when it came from another one (null: this one).
public sealed record ChangeSet(
    ChangeKind Kind,
    IReadOnlySet<int> DataElementIds,
    IReadOnlySet<int> IndicatorIds,
    IReadOnlySet<int> ChangedOrgUnitIds,
    IReadOnlySet<int> OrgUnitIds,
    IReadOnlyList<Period> Periods,
    string ChangedBy,
    DateTimeOffset ChangedAtUtc)
{
    public string? Origin { get; init; }

    public bool TouchesUnit(int unitId) => Kind != ChangeKind.Values || OrgUnitIds.Contains(unitId);

    // Target changes carry no periods: a target moves the status of every period.
    public bool TouchesPeriod(Period shown) =>
        Kind != ChangeKind.Values || Periods.Any(p => p.Start <= shown.End && shown.Start <= p.End);

    public bool TouchesElements(IEnumerable<int> elementIds) => elementIds.Any(DataElementIds.Contains);

    public bool TouchesIndicator(Indicator indicator, IReadOnlyDictionary<string, DataElement> elements) => Kind switch
    {
        ChangeKind.Targets => IndicatorIds.Contains(indicator.Id),
        ChangeKind.Values => TouchesElements(indicator.ElementCodes().Where(elements.ContainsKey).Select(code => elements[code].Id)),
        _ => true,
    };

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
        return ForValues(units, elements, changedUnits, periods, changedBy, at);
    }

    public static ChangeSet ForValues(
        OrgUnitDirectory units, IReadOnlySet<int> elementIds, IReadOnlySet<int> changedUnitIds, IEnumerable<Period> periods,
        string changedBy, DateTimeOffset at)
    {
        var affected = new HashSet<int>();
        foreach (var unitId in changedUnitIds)
            affected.UnionWith(units.AffectedBy(units[unitId]).Select(u => u.Id));
        return new ChangeSet(ChangeKind.Values, elementIds, new HashSet<int>(), changedUnitIds, affected, periods.Distinct().Order().ToList(), changedBy, at);
    }

    public static ChangeSet ForTargets(IEnumerable<int> indicatorIds, IEnumerable<int> unitIds, string changedBy, DateTimeOffset at) =>
        new(ChangeKind.Targets, new HashSet<int>(), indicatorIds.ToHashSet(), unitIds.ToHashSet(), unitIds.ToHashSet(), [], changedBy, at);

    // After changes may have been missed (a lost connection to the other servers): everything reloads.
    public static ChangeSet Everything(string changedBy, DateTimeOffset at) =>
        new(ChangeKind.Everything, new HashSet<int>(), new HashSet<int>(), new HashSet<int>(), new HashSet<int>(), [], changedBy, at);
}
