using ChildDashboard.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ChildDashboard.Core.Persistence;

// Imports on PostgreSQL: the changes go by binary COPY into a temporary staging table, then one
// set-based statement each deletes, updates, inserts and audits them, all in one transaction.
public sealed class PostgresDataValueWriter(IDbContextFactory<AppDbContext> factory) : IDataValueWriter
{
    // The largest imports the size limit lets through must not hit the default 30 s.
    private static readonly TimeSpan ImportTimeout = TimeSpan.FromMinutes(5);

    public async Task<IDataValueWriteSession> BeginAsync(CancellationToken ct)
    {
        var db = await factory.CreateDbContextAsync(ct);
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            var transaction = await db.Database.BeginTransactionAsync(ct);
            return new Session(db, transaction);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    private sealed class Session(AppDbContext db, IDbContextTransaction transaction) : IDataValueWriteSession
    {
        private readonly NpgsqlConnection _connection = (NpgsqlConnection)db.Database.GetDbConnection();
        private readonly NpgsqlTransaction _transaction = (NpgsqlTransaction)transaction.GetDbTransaction();

        private NpgsqlCommand Command(string sql) => new(sql, _connection, _transaction);

        public async Task<IReadOnlyList<(DataValueKey Key, StoredDataValue Value)>> ReadValuesAsync(
            string period, IReadOnlySet<int> unitIds, CancellationToken ct)
        {
            await using var command = Command("""
                SELECT "DataElementId", "OrgUnitId", "OptionCode", "Id", "Value", "Comment" FROM "DataValues"
                WHERE "Period" = @period AND "OrgUnitId" = ANY(@units)
                """);
            command.Parameters.AddWithValue("period", period);
            command.Parameters.AddWithValue("units", unitIds.ToArray());
            var found = new List<(DataValueKey, StoredDataValue)>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                found.Add((new DataValueKey(reader.GetInt32(0), reader.GetInt32(1), period, reader.GetString(2)),
                    new StoredDataValue(reader.GetInt64(3), reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetString(5))));
            }
            return found;
        }

        public async Task<IReadOnlySet<(int UnitId, string Period)>> ReadApprovedFormsAsync(IReadOnlyCollection<string> formPeriods, CancellationToken ct)
        {
            var approved = new HashSet<(int, string)>();
            if (formPeriods.Count == 0)
                return approved;
            await using var command = Command("""SELECT "OrgUnitId", "Period" FROM "ReportForms" WHERE "Status" = 'Approved' AND "Period" = ANY(@periods)""");
            command.Parameters.AddWithValue("periods", formPeriods.ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                approved.Add((reader.GetInt32(0), reader.GetString(1)));
            return approved;
        }

        public async Task WriteAsync(IReadOnlyList<DataValueChange> changes, string changedBy, string reason, DateTime utcNow, CancellationToken ct)
        {
            long batchId;
            await using (var batch = Command("""INSERT INTO "AuditBatches" ("ChangedBy", "ChangedAtUtc", "Reason") VALUES (@by, @at, @reason) RETURNING "Id" """))
            {
                batch.Parameters.AddWithValue("by", changedBy);
                batch.Parameters.AddWithValue("at", DateTime.SpecifyKind(utcNow, DateTimeKind.Utc));
                batch.Parameters.AddWithValue("reason", reason);
                batchId = (long)(await batch.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException("No audit batch id."));
            }

            await using (var create = Command("""
                CREATE TEMPORARY TABLE import_staging (
                    action varchar(16) NOT NULL, old_id bigint, element integer NOT NULL, unit integer NOT NULL,
                    period varchar(8) NOT NULL, option varchar(32) NOT NULL, old_value double precision,
                    new_value double precision, comment text, file_stored_by varchar(256)
                ) ON COMMIT DROP
                """))
            {
                await create.ExecuteNonQueryAsync(ct);
            }

            await using (var copy = await _connection.BeginBinaryImportAsync(
                "COPY import_staging (action, old_id, element, unit, period, option, old_value, new_value, comment, file_stored_by) FROM STDIN (FORMAT BINARY)", ct))
            {
                copy.Timeout = ImportTimeout;
                foreach (var change in changes)
                {
                    var key = change.Key;
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(change.Action.ToString(), NpgsqlDbType.Varchar, ct);
                    await WriteNullableAsync(copy, change.Old?.Id, NpgsqlDbType.Bigint, ct);
                    await copy.WriteAsync(key.ElementId, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(key.UnitId, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(key.Period, NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(key.Option, NpgsqlDbType.Varchar, ct);
                    await WriteNullableAsync(copy, change.Old?.Value, NpgsqlDbType.Double, ct);
                    await WriteNullableAsync(copy, change.NewValue, NpgsqlDbType.Double, ct);
                    await WriteNullableAsync(copy, change.Comment, NpgsqlDbType.Text, ct);
                    await WriteNullableAsync(copy, change.FileStoredBy, NpgsqlDbType.Varchar, ct);
                }
                await copy.CompleteAsync(ct);
            }

            await using var merge = Command("""
                DELETE FROM "DataValues" d USING import_staging s WHERE s.action = 'Delete' AND d."Id" = s.old_id;
                UPDATE "DataValues" d SET "Value" = s.new_value, "Comment" = s.comment, "StoredBy" = @by, "LastUpdatedUtc" = @ticks, "Version" = d."Version" + 1
                    FROM import_staging s WHERE s.action = 'Update' AND d."Id" = s.old_id;
                INSERT INTO "DataValues" ("DataElementId", "OrgUnitId", "Period", "OptionCode", "Value", "Comment", "StoredBy", "LastUpdatedUtc", "Version")
                    SELECT element, unit, period, option, new_value, comment, @by, @ticks, 0 FROM import_staging WHERE action = 'Create'
                    ORDER BY element, unit, period, option;
                INSERT INTO "DataValueAudits" ("BatchId", "DataElementId", "OrgUnitId", "Period", "OptionCode", "Action", "OldValue", "NewValue", "StoredBy")
                    SELECT @batch, element, unit, period, option, action, old_value, new_value, file_stored_by FROM import_staging;
                """);
            merge.Parameters.AddWithValue("by", changedBy);
            merge.Parameters.AddWithValue("ticks", utcNow.Ticks);
            merge.Parameters.AddWithValue("batch", batchId);
            merge.CommandTimeout = (int)ImportTimeout.TotalSeconds;
            await merge.ExecuteNonQueryAsync(ct);
        }

        private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) =>
            value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);

        public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await db.DisposeAsync();
        }
    }
}
