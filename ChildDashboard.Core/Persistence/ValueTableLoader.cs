using System.Text;
using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ChildDashboard.Core.Persistence;

// Reads every stored value into a new in-memory table for the analytics: one scan of DataValues,
// at the driver's own speed (SQLite's statement API, PostgreSQL's binary COPY), since a start
// waits for it. Period codes and options repeat millions of times and are read without making a
// string each time.
public sealed class ValueTableLoader(IDbContextFactory<AppDbContext> factory)
{
    private const string AllValues = """SELECT "DataElementId", "OrgUnitId", "Period", "OptionCode", "Value" FROM "DataValues" """;

    public async Task<ValueTable> LoadAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        return db.Database.GetDbConnection() switch
        {
            SqliteConnection sqlite => LoadSqlite(sqlite, ct),
            NpgsqlConnection postgres => await LoadPostgresAsync(postgres, ct),
            var other => throw new NotSupportedException($"No loader for {other.GetType().Name}."),
        };
    }

    private static ValueTable LoadSqlite(SqliteConnection connection, CancellationToken ct)
    {
        var table = new ValueTable();
        var codes = new Codes();
        using var query = new SqliteStatement(connection, AllValues);
        var rows = 0;
        while (query.Step())
        {
            if (++rows % 100_000 == 0)
                ct.ThrowIfCancellationRequested();
            table.Set(query.Int32(0), query.Int32(1), codes.Period(query.Utf8(2)), codes.Option(query.Utf8(3)), query.Double(4));
        }
        return table;
    }

    private static async Task<ValueTable> LoadPostgresAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var table = new ValueTable();
        var periods = new Dictionary<string, Period>(StringComparer.Ordinal);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        // Synchronous reads: they take rows from Npgsql's buffer and block only to refill it, while an
        // awaited call per field costs more than the row itself.
        await using var copy = await connection.BeginBinaryExportAsync($"COPY ({AllValues}) TO STDOUT (FORMAT BINARY)", ct);
        var rows = 0;
        while (copy.StartRow() != -1)
        {
            if (++rows % 100_000 == 0)
                ct.ThrowIfCancellationRequested();
            var element = copy.Read<int>(NpgsqlDbType.Integer);
            var unit = copy.Read<int>(NpgsqlDbType.Integer);
            var code = copy.Read<string>(NpgsqlDbType.Varchar);
            if (!periods.TryGetValue(code, out var period))
                periods[code] = period = Domain.Period.Parse(code);
            var option = copy.Read<string>(NpgsqlDbType.Varchar);
            if (!options.TryGetValue(option, out var interned))
                options[option] = interned = option;
            table.Set(element, unit, period, interned, copy.Read<double>(NpgsqlDbType.Double));
        }
        return table;
    }

    // Codes met so far, found by their bytes: a period code fits in 8 bytes, and the options of the
    // catalogue are a handful.
    private sealed class Codes
    {
        private readonly Dictionary<ulong, Period> _periods = [];
        private readonly List<(byte[] Bytes, string Text)> _options = [];

        public Period Period(ReadOnlySpan<byte> utf8)
        {
            if (utf8.Length > sizeof(ulong))
                return Domain.Period.Parse(Encoding.UTF8.GetString(utf8));
            Span<byte> packed = stackalloc byte[sizeof(ulong)];
            packed.Clear();
            utf8.CopyTo(packed);
            var key = BitConverter.ToUInt64(packed);
            if (!_periods.TryGetValue(key, out var period))
                _periods[key] = period = Domain.Period.Parse(Encoding.UTF8.GetString(utf8));
            return period;
        }

        public string Option(ReadOnlySpan<byte> utf8)
        {
            foreach (var (bytes, text) in _options)
            {
                if (utf8.SequenceEqual(bytes))
                    return text;
            }
            var option = Encoding.UTF8.GetString(utf8);
            _options.Add((utf8.ToArray(), option));
            return option;
        }
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
