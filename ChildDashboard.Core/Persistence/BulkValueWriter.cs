using ChildDashboard.Core.Domain;
using Microsoft.Data.Sqlite;

namespace ChildDashboard.Core.Persistence;

// Inserts many new data values through one prepared statement bound by position: an order of
// magnitude faster than EF's change tracker. For seeding and benchmarks, which need no audit;
// imports go through IDataValueWriter.
public static class BulkValueWriter
{
    public readonly record struct NewValue(int ElementId, int UnitId, Period Period, string OptionCode, double Value, DateTime LastUpdatedUtc);

    // Runs inside the transaction open on the connection.
    public static int Insert(SqliteConnection connection, IEnumerable<NewValue> values, string storedBy, CancellationToken ct)
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
}
