using System.Collections.Concurrent;

namespace ChildDashboard.Core.Domain;

// All units in memory, found by code + date as domain.md §1 says.
public sealed class OrgUnitDirectory
{
    private readonly Dictionary<string, OrgUnit[]> _byCode;
    private readonly Dictionary<int, OrgUnit> _byId;
    private readonly ILookup<int, OrgUnit> _children;
    private readonly ILookup<int, OrgUnit> _predecessors;
    private readonly ConcurrentDictionary<(int UnitId, DateOnly Date), int[]> _territories = new();

    public OrgUnitDirectory(IEnumerable<OrgUnit> units)
    {
        var all = units.ToArray();
        _byId = all.ToDictionary(u => u.Id);
        MaxId = all.Length == 0 ? 0 : all.Max(u => u.Id);
        foreach (var unit in all)
        {
            unit.Parent = unit.ParentId is { } parentId ? _byId[parentId] : null;
            unit.Successor = unit.SuccessorId is { } successorId ? _byId[successorId] : null;
        }
        _byCode = all.GroupBy(u => u.Code)
            .ToDictionary(g => g.Key, g => g.OrderBy(u => u.OpeningDate).ToArray(), StringComparer.OrdinalIgnoreCase);
        _children = all.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId.GetValueOrDefault());
        _predecessors = all.Where(u => u.SuccessorId is not null).ToLookup(u => u.SuccessorId.GetValueOrDefault());
        Root = all.Where(u => u.ParentId is null).OrderBy(u => u.OpeningDate).FirstOrDefault();
    }

    public OrgUnit? Root { get; }

    public IReadOnlyCollection<OrgUnit> All => _byId.Values;

    public OrgUnit this[int id] => _byId[id];

    public bool TryGet(int id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OrgUnit? unit) =>
        _byId.TryGetValue(id, out unit);

    // The largest unit id: analytics size their per-unit arrays with it.
    public int MaxId { get; }

    public IEnumerable<OrgUnit> ChildrenOf(OrgUnit unit) => _children[unit.Id];

    public IEnumerable<OrgUnit> PredecessorsOf(OrgUnit unit) => _predecessors[unit.Id];

    // The unit and every unit below it, whatever their dates.
    public IEnumerable<OrgUnit> SubtreeOf(OrgUnit unit)
    {
        yield return unit;
        foreach (var child in ChildrenOf(unit))
        {
            foreach (var member in SubtreeOf(child))
                yield return member;
        }
    }

    // The unit of that code open on that date (the first day of a stored value's period).
    public OrgUnit? FindOpen(string code, DateOnly date) =>
        _byCode.TryGetValue(code, out var units) ? units.FirstOrDefault(u => u.IsOpenOn(date)) : null;

    public bool Knows(string code) => _byCode.ContainsKey(code);

    // A bare code: the unit open today, or else the one of that code that closed last.
    public OrgUnit? FindCurrent(string code, DateOnly today) =>
        FindOpen(code, today)
        ?? (_byCode.TryGetValue(code, out var units)
            ? units.Where(u => u.ClosedDate is not null).MaxBy(u => u.ClosedDate)
            : null);

    public OrgUnit? Find(OrgUnitReference reference, DateOnly today) =>
        reference.Date is { } date ? FindOpen(reference.Code, date) : FindCurrent(reference.Code, today);

    public IEnumerable<OrgUnit> OpenOn(DateOnly date, int level) =>
        _byId.Values.Where(u => u.Level == level && u.IsOpenOn(date)).OrderBy(u => u.Code, StringComparer.Ordinal);

    // The ids of the units whose values stored for a period starting on `date` count for `unit`
    // (domain.md §1): if it is open, itself and, recursively, its children open that day; if it
    // had not opened yet, its predecessors' territories; if it had closed, nothing. Kept once
    // computed: the directory is rebuilt whenever units change.
    public int[] TerritoryOf(OrgUnit unit, DateOnly date) =>
        _territories.GetOrAdd((unit.Id, date), key =>
        {
            var members = new List<int>();
            AddTerritory(this[key.UnitId], key.Date, members);
            return members.ToArray();
        });

    private void AddTerritory(OrgUnit unit, DateOnly date, List<int> members)
    {
        if (unit.IsOpenOn(date))
        {
            members.Add(unit.Id);
            foreach (var child in ChildrenOf(unit))
            {
                if (child.IsOpenOn(date))
                    AddTerritory(child, date, members);
            }
        }
        else if (date < unit.OpeningDate)
        {
            foreach (var predecessor in PredecessorsOf(unit))
                AddTerritory(predecessor, date, members);
        }
    }

    // The units whose figures a value stored on `unit` counts in: itself and its ancestors, and
    // its successors with theirs (a merged province's history is the sum of its predecessors').
    public IEnumerable<OrgUnit> AffectedBy(OrgUnit unit)
    {
        var seen = new HashSet<int>();
        for (var s = unit; s is not null; s = s.Successor)
        {
            for (var u = s; u is not null && seen.Add(u.Id); u = u.Parent)
                yield return u;
        }
    }

    // Whether a user scoped to `scope` may see `unit`: the scope itself, the units below it, and the
    // units whose territory passed into it (a merged province's predecessors and their children).
    public bool IsWithin(OrgUnit unit, OrgUnit scope)
    {
        for (var u = unit; u is not null; u = u.Parent)
        {
            for (var s = u; s is not null; s = s.Successor)
            {
                if (s.Id == scope.Id)
                    return true;
            }
        }
        return false;
    }
}
