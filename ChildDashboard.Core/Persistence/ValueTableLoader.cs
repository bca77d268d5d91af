using System.Data;
using System.Data.Common;
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

    private const string AuditById = """
        SELECT a."Id", a."BatchId", b."ChangedAtUtc" FROM "DataValueAudits" a
        JOIN "AuditBatches" b ON b."Id" = a."BatchId" WHERE a."Id" = @id
        """;
    private const string LastAuditId = """SELECT COALESCE(MAX("Id"), 0) FROM "DataValueAudits" """;
    private const string LastValueId = """SELECT COALESCE(MAX("Id"), 0) FROM "DataValues" """;
    // The current value (null: deleted) of every key an audit row after @from (up to @to) names.
    private const string ChangedSince = """
        SELECT k."DataElementId", k."OrgUnitId", k."Period", k."OptionCode", v."Value"
        FROM (SELECT DISTINCT "DataElementId", "OrgUnitId", "Period", "OptionCode" FROM "DataValueAudits"
              WHERE "Id" > @from AND "Id" <= @to) k
        LEFT JOIN "DataValues" v ON v."DataElementId" = k."DataElementId" AND v."OrgUnitId" = k."OrgUnitId"
            AND v."Period" = k."Period" AND v."OptionCode" = k."OptionCode"
        """;

    // Every stored value, with the stamp of the state read (both in one read transaction).
    public async Task<(ValueTable Table, ValueTableStamp Stamp)> LoadAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await BeginReadAsync(connection, ct);
        var stamp = await ReadStampAsync(connection, transaction, ct);
        var table = connection switch
        {
            SqliteConnection sqlite => LoadSqlite(sqlite, ct),
            NpgsqlConnection postgres => await LoadPostgresAsync(postgres, ct),
            var other => throw new NotSupportedException($"No loader for {other.GetType().Name}."),
        };
        return (table, stamp);
    }

    // What changed since a saved table's stamp, read from the audit trail (every change of a value
    // writes an audit row), with the stamp now; null when the stamp does not describe an earlier
    // state of this database (restored, rebuilt, or changed without audit rows).
    public async Task<(List<StoredValue> Changes, ValueTableStamp Stamp)?> CatchUpAsync(ValueTableStamp from, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await BeginReadAsync(connection, ct);
        if (from.AuditId > 0 && await AuditAsync(connection, transaction, from.AuditId, ct) != (from.AuditBatchId, from.AuditTicks))
            return null;
        var now = await ReadStampAsync(connection, transaction, ct);
        if (now.AuditId < from.AuditId || (now.AuditId == from.AuditId && now.MaxValueId != from.MaxValueId))
            return null;

        var changes = new List<StoredValue>();
        if (now.AuditId == from.AuditId)
            return (changes, now);
        await using var command = Command(connection, transaction, ChangedSince, ("from", from.AuditId), ("to", now.AuditId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var periods = new Dictionary<string, Period>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            var code = reader.GetString(2);
            if (!periods.TryGetValue(code, out var period))
                periods[code] = period = Period.Parse(code);
            changes.Add(new StoredValue(reader.GetInt32(0), reader.GetInt32(1), period, reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4)));
        }
        return (changes, now);
    }

    // SQLite: a deferred transaction takes no write lock and sees one state from its first read;
    // PostgreSQL: repeatable read gives every statement the same snapshot.
    private static async Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken ct) => connection switch
    {
        SqliteConnection sqlite => sqlite.BeginTransaction(deferred: true),
        _ => await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct),
    };

    private static async Task<ValueTableStamp> ReadStampAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        var lastValueId = await ScalarAsync(connection, transaction, LastValueId, ct);
        var lastAuditId = await ScalarAsync(connection, transaction, LastAuditId, ct);
        if (lastAuditId == 0)
            return ValueTableStamp.Empty with { MaxValueId = lastValueId };
        var (batchId, ticks) = await AuditAsync(connection, transaction, lastAuditId, ct) ?? (0, 0);
        return new ValueTableStamp(lastAuditId, batchId, ticks, lastValueId);
    }

    private static async Task<(long BatchId, long Ticks)?> AuditAsync(DbConnection connection, DbTransaction transaction, long id, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, AuditById, ("id", id));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(1), reader.GetDateTime(2).Ticks) : null;
    }

    private static async Task<long> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params (string Name, long Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
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
