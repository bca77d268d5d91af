using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Persistence;

// Reads every stored value into a new in-memory table for the analytics: one scan of DataValues.
public sealed class ValueTableLoader(IDbContextFactory<AppDbContext> factory)
{
    public async Task<ValueTable> LoadAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "DataElementId", "OrgUnitId", "Period", "OptionCode", "Value" FROM "DataValues" """;
        await using var reader = await command.ExecuteReaderAsync(ct);

        var table = new ValueTable();
        var periods = new Dictionary<string, Period>(StringComparer.Ordinal);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            var code = reader.GetString(2);
            if (!periods.TryGetValue(code, out var period))
                periods[code] = period = Period.Parse(code);
            var option = reader.GetString(3);
            if (!options.TryGetValue(option, out var interned))
                options[option] = interned = option;
            table.Set(reader.GetInt32(0), reader.GetInt32(1), period, interned, reader.GetDouble(4));
        }
        return table;
    }

    // The values stored for every combination of these elements, units and periods.
    public async Task<List<StoredValue>> ReadAsync(
        IReadOnlyCollection<int> elementIds, IReadOnlyCollection<int> unitIds, IReadOnlyCollection<Period> periods, CancellationToken ct)
    {
        var codes = periods.Select(p => p.Code).ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.DataValues.AsNoTracking()
            .Where(v => codes.Contains(v.Period) && unitIds.Contains(v.OrgUnitId) && elementIds.Contains(v.DataElementId))
            .Select(v => new { v.DataElementId, v.OrgUnitId, v.Period, v.OptionCode, v.Value })
            .ToListAsync(ct);
        return rows.Select(v => new StoredValue(v.DataElementId, v.OrgUnitId, Period.Parse(v.Period), v.OptionCode, v.Value)).ToList();
    }
}
