using System.Runtime.InteropServices;
using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Analytics;

// Every stored value in memory, one column per (element, option, period) indexed by unit id:
// 8 bytes a value and a tight loop to add up a territory, so that national questions over
// millions of values need no SQL. NaN marks "nothing stored". Not thread-safe on its own:
// ValueStore guards it.
public sealed class ValueTable
{
    private const int ElementBits = 12;
    private const int OptionBits = 6;

    private readonly Dictionary<long, double[]> _columns = [];
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

    public int Count { get; private set; }

    // The earliest year any value was stored for (never raised by removals): where a look back
    // through the years can stop.
    public int? EarliestYear { get; private set; }

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

        var key = Key(elementId, optionId, period);
        if (!_columns.TryGetValue(key, out var column) || column.Length <= unitId)
            _columns[key] = column = Grow(column, unitId + 1);
        if (double.IsNaN(column[unitId]))
            Count++;
        column[unitId] = value;
        if (EarliestYear is not { } earliest || period.Year < earliest)
            EarliestYear = period.Year;
    }

    public void Remove(int elementId, int unitId, Period period, string option)
    {
        if (_optionIds.TryGetValue(option, out var optionId)
            && _columns.TryGetValue(Key(elementId, optionId, period), out var column)
            && unitId < column.Length && !double.IsNaN(column[unitId]))
        {
            column[unitId] = double.NaN;
            Count--;
        }
    }

    // Every option of an element at one unit and period: what a re-read of those places replaces.
    public void RemoveAll(int elementId, int unitId, Period period)
    {
        if (!_optionsOfElement.TryGetValue(elementId, out var options))
            return;
        foreach (var optionId in options)
        {
            if (_columns.TryGetValue(Key(elementId, optionId, period), out var column) && unitId < column.Length && !double.IsNaN(column[unitId]))
            {
                column[unitId] = double.NaN;
                Count--;
            }
        }
    }

    // One option's value, or the sum of the options when option is null; null when nothing is stored.
    public double? Get(int elementId, int unitId, Period period, string? option) => Sum(elementId, option, period, [unitId]);

    // The sum over units (and over options when option is null); null when none of them has a value.
    public double? Sum(int elementId, string? option, Period period, ReadOnlySpan<int> unitIds)
    {
        var total = 0.0;
        var any = false;
        if (option is not null)
        {
            if (_optionIds.TryGetValue(option, out var optionId))
                any = AddColumn(Key(elementId, optionId, period), unitIds, ref total);
        }
        else if (_optionsOfElement.TryGetValue(elementId, out var options))
        {
            foreach (var id in options)
                any |= AddColumn(Key(elementId, id, period), unitIds, ref total);
        }
        return any ? total : null;
    }

    // For each unit that has a value in this period (the sum of its options, or the option named),
    // records it in `latest` (indexed by unit id, NaN for none), replacing what an earlier period left
    // there, and lists in `touched` the units set for the first time: the Last aggregation, a period
    // at a time.
    public void CollectLatest(int elementId, string? option, Period period, ReadOnlySpan<int> unitIds, double[] latest, List<int> touched)
    {
        var columns = new List<double[]>(2);
        if (option is not null)
        {
            if (_optionIds.TryGetValue(option, out var optionId) && _columns.TryGetValue(Key(elementId, optionId, period), out var column))
                columns.Add(column);
        }
        else if (_optionsOfElement.TryGetValue(elementId, out var options))
        {
            foreach (var id in options)
            {
                if (_columns.TryGetValue(Key(elementId, id, period), out var column))
                    columns.Add(column);
            }
        }
        if (columns.Count == 0)
            return;

        foreach (var unitId in unitIds)
        {
            var total = 0.0;
            var any = false;
            foreach (var column in columns)
            {
                if ((uint)unitId < (uint)column.Length && column[unitId] is var value && !double.IsNaN(value))
                {
                    total += value;
                    any = true;
                }
            }
            if (!any)
                continue;
            if (double.IsNaN(latest[unitId]))
                touched.Add(unitId);
            latest[unitId] = total;
        }
    }

    private bool AddColumn(long key, ReadOnlySpan<int> unitIds, ref double total)
    {
        if (!_columns.TryGetValue(key, out var column))
            return false;
        var any = false;
        foreach (var unitId in unitIds)
        {
            if ((uint)unitId < (uint)column.Length && column[unitId] is var value && !double.IsNaN(value))
            {
                total += value;
                any = true;
            }
        }
        return any;
    }

    // The table's own layout, for a snapshot file: the options, then each column as raw doubles,
    // so that reading it back is a copy rather than millions of inserts.
    public void WriteTo(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Count);
        writer.Write(_optionIds.Count);
        foreach (var (option, id) in _optionIds)
        {
            writer.Write(option);
            writer.Write(id);
        }
        writer.Write(_optionsOfElement.Count);
        foreach (var (elementId, options) in _optionsOfElement)
        {
            writer.Write(elementId);
            writer.Write(options.Count);
            foreach (var optionId in options)
                writer.Write(optionId);
        }
        writer.Write(_columns.Count);
        writer.Flush();
        foreach (var (key, column) in _columns)
        {
            writer.Write(key);
            writer.Write(column.Length);
            writer.Flush();
            stream.Write(MemoryMarshal.AsBytes(column.AsSpan()));
        }
    }

    public static ValueTable ReadFrom(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        var table = new ValueTable { Count = reader.ReadInt32() };
        for (var i = reader.ReadInt32(); i > 0; i--)
        {
            var option = reader.ReadString();
            table._optionIds[option] = reader.ReadInt32();
        }
        for (var i = reader.ReadInt32(); i > 0; i--)
        {
            var elementId = reader.ReadInt32();
            var options = new List<int>();
            for (var j = reader.ReadInt32(); j > 0; j--)
                options.Add(reader.ReadInt32());
            table._optionsOfElement[elementId] = options;
        }
        var columns = reader.ReadInt32();
        table._columns.EnsureCapacity(columns);
        for (var i = 0; i < columns; i++)
        {
            var key = reader.ReadInt64();
            var column = GC.AllocateUninitializedArray<double>(reader.ReadInt32());
            stream.ReadExactly(MemoryMarshal.AsBytes(column.AsSpan()));
            table._columns[key] = column;
        }
        return table;
    }

    private static double[] Grow(double[]? column, int minimum)
    {
        var grown = new double[Math.Max(minimum, (column?.Length ?? 0) * 2)];
        Array.Fill(grown, double.NaN);
        column?.CopyTo(grown, 0);
        return grown;
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

    private static long Key(int elementId, int optionId, Period period)
    {
        if ((uint)elementId >= 1 << ElementBits)
            throw new ArgumentOutOfRangeException(nameof(elementId), elementId, "Data element ids above 4095 do not fit the analytics key.");
        long periodKey = ((period.Year - Period.MinYear) << 6) | ((int)period.Type << 4) | period.Index;
        return (periodKey << (ElementBits + OptionBits)) | ((long)optionId << ElementBits) | (long)elementId;
    }
}
