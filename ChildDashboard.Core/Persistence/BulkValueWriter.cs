using System.Data.Common;
using ChildDashboard.Core.Domain;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace ChildDashboard.Core.Persistence;

// Inserts many new data values at the database's own speed: a prepared statement bound by
// position on SQLite, binary COPY on PostgreSQL. For seeding and benchmarks, which need no audit;
// imports go through IDataValueWriter. Runs inside the transaction open on the connection.
public static class BulkValueWriter
{
    public readonly record struct NewValue(int ElementId, int UnitId, Period Period, string OptionCode, double Value, DateTime LastUpdatedUtc);

    public static Task<int> InsertAsync(DbConnection connection, IEnumerable<NewValue> values, string storedBy, CancellationToken ct) =>
        connection switch
        {
            SqliteConnection sqlite => Task.FromResult(Insert(sqlite, values, storedBy, ct)),
            NpgsqlConnection postgres => CopyAsync(postgres, values, storedBy, ct),
            _ => throw new NotSupportedException($"No bulk insert for {connection.GetType().Name}."),
        };

    private static int Insert(SqliteConnection connection, IEnumerable<NewValue> values, string storedBy, CancellationToken ct)
    {
        using var insert = new SqliteStatement(connection, """
            INSERT INTO "DataValues" ("DataElementId", "OrgUnitId", "Period", "OptionCode", "Value", "StoredBy", "LastUpdatedUtc", "Version")
            VALUES (?, ?, ?, ?, ?, ?, ?, 0)
            """);
        var written = 0;
        foreach (var v in values)
        {
            if (written % 10_000 == 0)
                ct.ThrowIfCancellationRequested();
            insert.Add(v.ElementId).Add(v.UnitId).Add(v.Period.Code).Add(v.OptionCode).Add(v.Value).Add(storedBy).Add(v.LastUpdatedUtc.Ticks).Execute();
            written++;
        }
        return written;
    }

    private static async Task<int> CopyAsync(NpgsqlConnection connection, IEnumerable<NewValue> values, string storedBy, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            """COPY "DataValues" ("DataElementId", "OrgUnitId", "Period", "OptionCode", "Value", "StoredBy", "LastUpdatedUtc", "Version") FROM STDIN (FORMAT BINARY)""", ct);
        // Millions of rows (a national data set) take longer than the default 30 s to index.
        copy.Timeout = TimeSpan.FromMinutes(30);
        // The synchronous writes: they fill Npgsql's buffer and only block when it goes out, while
        // an awaited call per field costs more than the copy itself.
        var written = 0;
        foreach (var v in values)
        {
            if (written % 10_000 == 0)
                ct.ThrowIfCancellationRequested();
            copy.StartRow();
            copy.Write(v.ElementId, NpgsqlDbType.Integer);
            copy.Write(v.UnitId, NpgsqlDbType.Integer);
            copy.Write(v.Period.Code, NpgsqlDbType.Varchar);
            copy.Write(v.OptionCode, NpgsqlDbType.Varchar);
            copy.Write(v.Value, NpgsqlDbType.Double);
            copy.Write(storedBy, NpgsqlDbType.Text);
            copy.Write(v.LastUpdatedUtc.Ticks, NpgsqlDbType.Bigint);
            copy.Write(0, NpgsqlDbType.Integer);
            written++;
        }
        await copy.CompleteAsync(ct);
        return written;
    }
}
