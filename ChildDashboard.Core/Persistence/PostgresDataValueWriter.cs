using ChildDashboard.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ChildDashboard.Core.Persistence;

// Imports on PostgreSQL by binary COPY, all in the import's transaction.
public sealed class PostgresDataValueWriter(IDbContextFactory<AppDbContext> factory) : IDataValueWriter
{
    // The largest imports the size limit lets through must not hit the default 30 s.
    private static readonly TimeSpan ImportTimeout = TimeSpan.FromMinutes(5);

    private static readonly string[] ActionNames = Enum.GetNames<AuditAction>();

    public Task<IDataValueWriteSession> BeginAsync(CancellationToken ct) =>
        ContextTransaction.BeginAsync<IDataValueWriteSession>(factory, (db, transaction) => new Session(db, transaction), ct);

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

        // New values and the audit rows go by binary COPY straight into their tables; updates and
        // deletes go by COPY into a temporary staging table and then one set-based statement each.
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

            var creates = changes.Where(c => c.Action == AuditAction.Create)
                .OrderBy(c => c.Key.ElementId).ThenBy(c => c.Key.UnitId).ThenBy(c => c.Key.Period, StringComparer.Ordinal).ThenBy(c => c.Key.Option, StringComparer.Ordinal)
                .ToList();
            await CopyAsync("""COPY "DataValues" ("DataElementId", "OrgUnitId", "Period", "OptionCode", "Value", "Comment", "StoredBy", "LastUpdatedUtc", "Version") FROM STDIN (FORMAT BINARY)""",
                creates, (copy, change) =>
                {
                    copy.Write(change.Key.ElementId, NpgsqlDbType.Integer);
                    copy.Write(change.Key.UnitId, NpgsqlDbType.Integer);
                    copy.Write(change.Key.Period, NpgsqlDbType.Varchar);
                    copy.Write(change.Key.Option, NpgsqlDbType.Varchar);
                    WriteNullable(copy, change.NewValue, NpgsqlDbType.Double);
                    WriteNullable(copy, change.Comment, NpgsqlDbType.Text);
                    copy.Write(changedBy, NpgsqlDbType.Text);
                    copy.Write(utcNow.Ticks, NpgsqlDbType.Bigint);
                    copy.Write(0, NpgsqlDbType.Integer);
                }, ct);

            var others = changes.Where(c => c.Action != AuditAction.Create).ToList();
            if (others.Count > 0)
                await UpdateAndDeleteAsync(others, changedBy, utcNow, ct);

            await CopyAsync("""COPY "DataValueAudits" ("BatchId", "DataElementId", "OrgUnitId", "Period", "OptionCode", "Action", "OldValue", "NewValue", "StoredBy") FROM STDIN (FORMAT BINARY)""",
                changes, (copy, change) =>
                {
                    copy.Write(batchId, NpgsqlDbType.Bigint);
                    copy.Write(change.Key.ElementId, NpgsqlDbType.Integer);
                    copy.Write(change.Key.UnitId, NpgsqlDbType.Integer);
                    copy.Write(change.Key.Period, NpgsqlDbType.Varchar);
                    copy.Write(change.Key.Option, NpgsqlDbType.Varchar);
                    copy.Write(ActionNames[(int)change.Action], NpgsqlDbType.Varchar);
                    WriteNullable(copy, change.Old?.Value, NpgsqlDbType.Double);
                    WriteNullable(copy, change.NewValue, NpgsqlDbType.Double);
                    WriteNullable(copy, change.FileStoredBy, NpgsqlDbType.Varchar);
                }, ct);
        }

        private async Task UpdateAndDeleteAsync(List<DataValueChange> changes, string changedBy, DateTime utcNow, CancellationToken ct)
        {
            await using (var create = Command("""
                CREATE TEMPORARY TABLE import_staging (action varchar(16) NOT NULL, id bigint NOT NULL, value double precision, comment text)
                ON COMMIT DROP
                """))
            {
                await create.ExecuteNonQueryAsync(ct);
            }
            await CopyAsync("COPY import_staging (action, id, value, comment) FROM STDIN (FORMAT BINARY)", changes, (copy, change) =>
            {
                copy.Write(ActionNames[(int)change.Action], NpgsqlDbType.Varchar);
                copy.Write(change.Old?.Id ?? 0, NpgsqlDbType.Bigint);
                WriteNullable(copy, change.NewValue, NpgsqlDbType.Double);
                WriteNullable(copy, change.Comment, NpgsqlDbType.Text);
            }, ct);
            await using var merge = Command("""
                DELETE FROM "DataValues" d USING import_staging s WHERE s.action = 'Delete' AND d."Id" = s.id;
                UPDATE "DataValues" d SET "Value" = s.value, "Comment" = s.comment, "StoredBy" = @by, "LastUpdatedUtc" = @ticks, "Version" = d."Version" + 1
                    FROM import_staging s WHERE s.action = 'Update' AND d."Id" = s.id;
                """);
            merge.Parameters.AddWithValue("by", changedBy);
            merge.Parameters.AddWithValue("ticks", utcNow.Ticks);
            merge.CommandTimeout = (int)ImportTimeout.TotalSeconds;
            await merge.ExecuteNonQueryAsync(ct);
        }

        // Synchronous writes fill Npgsql's buffer and block only when it goes out; an awaited call
        // per field costs more than the copy itself.
        private async Task CopyAsync(string sql, IReadOnlyCollection<DataValueChange> rows, Action<NpgsqlBinaryImporter, DataValueChange> write, CancellationToken ct)
        {
            if (rows.Count == 0)
                return;
            await using var copy = await _connection.BeginBinaryImportAsync(sql, ct);
            copy.Timeout = ImportTimeout;
            var written = 0;
            foreach (var row in rows)
            {
                if (++written % 10_000 == 0)
                    ct.ThrowIfCancellationRequested();
                copy.StartRow();
                write(copy, row);
            }
            await copy.CompleteAsync(ct);
        }

        private static void WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
        {
            if (value is null)
                copy.WriteNull();
            else
                copy.Write(value, type);
        }

        public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await db.DisposeAsync();
        }
    }
}
