namespace ChildDashboard.Core.Analytics;

// Stored values indexed by (element, unit, period) for the arithmetic of domain.md §3.
public sealed class ValueTable
{
    private readonly Dictionary<(int Element, int Unit, string Period), Dictionary<string, double>> _values = [];

    public ValueTable(IEnumerable<StoredValue> values)
    {
        foreach (var v in values)
        {
            var key = (v.ElementId, v.UnitId, v.Period);
            if (!_values.TryGetValue(key, out var options))
                _values[key] = options = new Dictionary<string, double>(StringComparer.Ordinal);
            options[v.OptionCode] = v.Value;
        }
    }

    public int Count => _values.Count;

    // The value of one option, or the sum of all options when option is null; null when nothing is stored.
    public double? Get(int elementId, int unitId, string period, string? option)
    {
        if (!_values.TryGetValue((elementId, unitId, period), out var options))
            return null;
        if (option is not null)
            return options.TryGetValue(option, out var value) ? value : null;
        return options.Values.Sum();
    }
}
