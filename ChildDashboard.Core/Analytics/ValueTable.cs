using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Analytics;

// Every stored value in memory, packed into one 64-bit key (unit | period | option | element),
// about 30 bytes a value, so that national questions over millions of values need no SQL.
// Not thread-safe on its own: ValueStore guards it.
public sealed class ValueTable
{
    private const int ElementBits = 12;
    private const int OptionBits = 6;
    private const int PeriodBits = 14;

    private readonly Dictionary<long, double> _values = [];
    private readonly Dictionary<string, int> _optionIds = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<int>> _optionsOfElement = [];

    public ValueTable()
    {
    }

    public ValueTable(IEnumerable<StoredValue> values)
    {
        foreach (var value in values)
            Apply(value);
    }

    public int Count => _values.Count;

    public void Apply(StoredValue change)
    {
        if (change.Value is { } value)
            Set(change.ElementId, change.UnitId, change.Period, change.OptionCode, value);
        else
            Remove(change.ElementId, change.UnitId, change.Period, change.OptionCode);
    }

    public void Set(int elementId, int unitId, Period period, string option, double value)
    {
        var optionId = OptionId(option);
        if (!_optionsOfElement.TryGetValue(elementId, out var options))
            _optionsOfElement[elementId] = options = [];
        if (!options.Contains(optionId))
            options.Add(optionId);
        _values[Key(elementId, optionId, period, unitId)] = value;
    }

    public void Remove(int elementId, int unitId, Period period, string option)
    {
        if (_optionIds.TryGetValue(option, out var optionId))
            _values.Remove(Key(elementId, optionId, period, unitId));
    }

    // One option's value, or the sum of the options when option is null; null when nothing is stored.
    public double? Get(int elementId, int unitId, Period period, string? option)
    {
        if (option is not null)
        {
            return _optionIds.TryGetValue(option, out var optionId) && _values.TryGetValue(Key(elementId, optionId, period, unitId), out var value)
                ? value
                : null;
        }

        if (!_optionsOfElement.TryGetValue(elementId, out var options))
            return null;
        double? total = null;
        foreach (var id in options)
        {
            if (_values.TryGetValue(Key(elementId, id, period, unitId), out var value))
                total = (total ?? 0) + value;
        }
        return total;
    }

    private int OptionId(string option)
    {
        if (!_optionIds.TryGetValue(option, out var id))
        {
            id = _optionIds.Count;
            if (id >= 1 << OptionBits)
                throw new InvalidOperationException($"More than {1 << OptionBits} disaggregation options.");
            _optionIds[option] = id;
        }
        return id;
    }

    private static long Key(int elementId, int optionId, Period period, int unitId)
    {
        if ((uint)elementId >= 1 << ElementBits)
            throw new ArgumentOutOfRangeException(nameof(elementId), elementId, "Data element ids above 4095 do not fit the analytics key.");
        long periodKey = ((period.Year - Period.MinYear) << 6) | ((int)period.Type << 4) | period.Index;
        return ((long)unitId << (ElementBits + OptionBits + PeriodBits))
            | (periodKey << (ElementBits + OptionBits))
            | ((long)optionId << ElementBits)
            | (long)elementId;
    }
}
