using System.Globalization;
using ChildDashboard.Core.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChildDashboard.Core.Persistence;

// Imports on SQLite: plain reads, and writes through prepared statements bound by position
// (SqliteStatement), in one transaction on one connection.
public sealed class SqliteDataValueWriter(IDbContextFactory<AppDbContext> factory) : IDataValueWriter
{
    // Above this many units of one period, reading the whole period is cheaper than an IN list.
    private const int UnitListLimit = 300;

    // Dates as EF Core's SQLite provider stores them (DataValues.LastUpdatedUtc is kept in ticks).
    private const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    private static readonly string[] ActionNames = Enum.GetNames<AuditAction>();

    public Task<IDataValueWriteSession> BeginAsync(CancellationToken ct) =>
        ContextTransaction.BeginAsync<IDataValueWriteSession>(factory, (db, transaction) => new Session(db, transaction), ct);

    internal static string ExistingValuesSql(IEnumerable<int>? units) =>
        """SELECT "DataElementId", "OrgUnitId", "OptionCode", "Id", "Value", "Comment" FROM "DataValues" WHERE "Period" = @period"""
        + (units is null ? "" : $""" AND "OrgUnitId" IN ({string.Join(",", units.Select(u => u.ToString(CultureInfo.InvariantCulture)))})""");

    internal static string ApprovedFormsSql(IEnumerable<string> parameterNames) =>
        $"""SELECT "OrgUnitId", "Period" FROM "ReportForms" WHERE "Status" = 'Approved' AND "Period" IN ({string.Join(",", parameterNames)})""";

    private sealed class Session(AppDbContext db, IDbContextTransaction transaction) : IDataValueWriteSession
    {
        private readonly SqliteConnection _connection = (SqliteConnection)db.Database.GetDbConnection();
        private readonly SqliteTransaction _transaction = (SqliteTransaction)transaction.GetDbTransaction();

        public async Task<IReadOnlyList<(DataValueKey Key, StoredDataValue Value)>> ReadValuesAsync(
            string period, IReadOnlySet<int> unitIds, CancellationToken ct)
        {
            await using var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = ExistingValuesSql(unitIds.Count <= UnitListLimit ? unitIds : null);
            command.Parameters.AddWithValue("@period", period);
            var found = new List<(DataValueKey, StoredDataValue)>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var unitId = reader.GetInt32(1);
                if (unitIds.Contains(unitId))
                {
                    found.Add((new DataValueKey(reader.GetInt32(0), unitId, period, reader.GetString(2)),
                        new StoredDataValue(reader.GetInt64(3), reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetString(5))));
                }
            }
            return found;
        }

        public async Task<IReadOnlySet<(int UnitId, string Period)>> ReadApprovedFormsAsync(IReadOnlyCollection<string> formPeriods, CancellationToken ct)
        {
            var approved = new HashSet<(int, string)>();
            if (formPeriods.Count == 0)
                return approved;
            await using var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            var names = formPeriods.Select((_, i) => $"@p{i}").ToList();
            command.CommandText = ApprovedFormsSql(names);
            foreach (var (name, period) in names.Zip(formPeriods))
                command.Parameters.AddWithValue(name, period);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                approved.Add((reader.GetInt32(0), reader.GetString(1)));
            return approved;
        }

        // Sorted unit by unit, the inserts into each index stay near the previous one.
        public Task WriteAsync(IReadOnlyList<DataValueChange> changes, string changedBy, string reason, DateTime utcNow, CancellationToken ct)
        {
            var now = utcNow.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
            using var insert = new SqliteStatement(_connection, """
                INSERT INTO "DataValues" ("DataElementId", "OrgUnitId", "Period", "OptionCode", "Value", "Comment", "StoredBy", "LastUpdatedUtc", "Version")
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)
                """);
            using var update = new SqliteStatement(_connection, """
                UPDATE "DataValues" SET "Value" = ?, "Comment" = ?, "StoredBy" = ?, "LastUpdatedUtc" = ?, "Version" = "Version" + 1 WHERE "Id" = ?
                """);
            using var delete = new SqliteStatement(_connection, """DELETE FROM "DataValues" WHERE "Id" = ?""");
            using var audit = new SqliteStatement(_connection, """
                INSERT INTO "DataValueAudits" ("BatchId", "DataElementId", "OrgUnitId", "Period", "OptionCode", "Action", "OldValue", "NewValue", "StoredBy")
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """);
            using var batch = new SqliteStatement(_connection, """INSERT INTO "AuditBatches" ("ChangedBy", "ChangedAtUtc", "Reason") VALUES (?, ?, ?)""");
            batch.Add(changedBy).Add(now).Add(reason).Execute();
            var batchId = batch.LastInsertedId;

            var ordered = changes.OrderBy(c => c.Key.UnitId).ThenBy(c => c.Period.Start)
                .ThenBy(c => c.Key.ElementId).ThenBy(c => c.Key.Option, StringComparer.Ordinal);
            foreach (var change in ordered)
            {
                ct.ThrowIfCancellationRequested();
                var key = change.Key;
                switch (change.Action)
                {
                    case AuditAction.Create:
                        insert.Add(key.ElementId).Add(key.UnitId).Add(key.Period).Add(key.Option)
                            .Add(change.NewValue).Add(change.Comment).Add(changedBy).Add(utcNow.Ticks).Execute();
                        break;
                    case AuditAction.Update:
                        update.Add(change.NewValue).Add(change.Comment).Add(changedBy).Add(utcNow.Ticks).Add(change.Old?.Id ?? 0).Execute();
                        break;
                    default:
                        delete.Add(change.Old?.Id ?? 0).Execute();
                        break;
                }
                audit.Add(batchId).Add(key.ElementId).Add(key.UnitId).Add(key.Period).Add(key.Option).Add(ActionNames[(int)change.Action])
                    .Add(change.Old?.Value).Add(change.NewValue).Add(change.FileStoredBy).Execute();
            }
            return Task.CompletedTask;
        }

        public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await db.DisposeAsync();
        }
    }
}
