using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace ChildDashboard.Core.Services;

// The one write path for data values (API, files, and later the entry forms): every row is checked,
// any conflict writes nothing, each change is audited, and after the commit the analytics and the
// open pages learn of it. Reads and writes happen in one transaction, so a concurrent import cannot
// slip in between.
public sealed class DataValueImportService(
    IDbContextFactory<AppDbContext> factory, CatalogueCache catalogues, ValueStore store,
    DataChangeNotifier notifier, TimeProvider time, ILogger<DataValueImportService> logger)
{
    // Above this many units of one period, reading the whole period is cheaper than an IN list.
    private const int UnitListLimit = 300;

    // One import writes at a time (SQLite would queue them anyway), so that the in-memory store
    // receives the changes in the order they were committed.
    private readonly SemaphoreSlim _writing = new(1, 1);

    public async Task<ImportReport> ImportAsync(IReadOnlyList<DataValueRow> rows, ImportContext context, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        var catalogue = await catalogues.GetAsync();
        var scope = context.ScopeUnitId is { } scopeId ? catalogue.Units[scopeId] : null;
        var checker = new DataValueRowChecker(catalogue, scope);
        var conflicts = new List<ImportConflict>();
        var values = new List<CheckedValue>(rows.Count);
        var firstRowOfKey = new Dictionary<(int, int, string, string), int>();
        foreach (var row in rows)
        {
            if (checker.Check(row, conflicts) is not { } value)
                continue;
            if (firstRowOfKey.TryGetValue(value.Key, out var first))
            {
                conflicts.Add(new ImportConflict(row.Row, DataValueColumns.DataElement, row.DataElement, Language.Pick(
                    $"Trùng với dòng {first} (cùng chỉ số, kỳ, đơn vị và phân tổ).",
                    $"Duplicate of row {first} (same data element, period, unit and option).")));
                continue;
            }
            firstRowOfKey[value.Key] = row.Row;
            values.Add(value);
        }

        var checkedAt = Stopwatch.GetTimestamp();

        await _writing.WaitAsync(ct);
        try
        {
            return await CompareAndWriteAsync(rows.Count, values, conflicts, catalogue, context, started, checkedAt, ct);
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task<ImportReport> CompareAndWriteAsync(
        int rowCount, List<CheckedValue> values, List<ImportConflict> conflicts, Catalogue catalogue, ImportContext context,
        long started, long checkedAt, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();

        var existing = await LoadExistingAsync(connection, dbTransaction, values, ct);
        var changes = Classify(values, existing, out var count);
        // Only a row that would change something is refused in a locked form: re-importing an
        // export of an approved quarter changes nothing and passes.
        conflicts.AddRange(await LockedAsync(connection, dbTransaction, catalogue, changes.Select(c => c.Value).ToList(), ct));
        conflicts.AddRange(CheckValidationRules(catalogue, values, changes, existing));
        var comparedAt = Stopwatch.GetTimestamp();

        if (conflicts.Count > 0)
            return ImportReport.Failed(context.DryRun, conflicts.OrderBy(c => c.Row).ToList());
        if (context.DryRun || changes.Count == 0)
            return new ImportReport(ImportReport.Success, context.DryRun, count, []);

        Write((SqliteConnection)connection, changes, context.UserName);
        var insertedAt = Stopwatch.GetTimestamp();
        await transaction.CommitAsync(ct);
        var writtenAt = Stopwatch.GetTimestamp();

        store.Apply(changes.Select(c => new StoredValue(c.Value.Element.Id, c.Value.Unit.Id, c.Value.Period, c.Value.Option, c.NewValue)).ToList());
        await notifier.NotifyAsync();
        logger.LogInformation(
            "Import by {User}: {Rows} rows, {Changes} changes; checks {Check:F0} ms, compare {Compare:F0} ms, write {Write:F0} ms, commit {Commit:F0} ms, publish {Publish:F0} ms.",
            context.UserName, rowCount, changes.Count, Ms(started, checkedAt), Ms(checkedAt, comparedAt), Ms(comparedAt, insertedAt), Ms(insertedAt, writtenAt),
            Stopwatch.GetElapsedTime(writtenAt).TotalMilliseconds);
        return new ImportReport(ImportReport.Success, false, count, []);
    }

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private sealed record Existing(long Id, double Value, string? Comment);

    private sealed record Change(CheckedValue Value, Existing? Old, AuditAction Action)
    {
        public double? NewValue => Action == AuditAction.Delete ? null : Value.Value;
    }

    private static List<Change> Classify(
        List<CheckedValue> values, Dictionary<(int, int, string, string), Existing> existing, out ImportCount count)
    {
        var changes = new List<Change>();
        int imported = 0, updated = 0, deleted = 0, ignored = 0;
        foreach (var value in values)
        {
            var old = existing.GetValueOrDefault(value.Key);
            if (value.Deleted)
            {
                if (old is null)
                {
                    ignored++;
                    continue;
                }
                changes.Add(new Change(value, old, AuditAction.Delete));
                deleted++;
            }
            else if (old is null)
            {
                changes.Add(new Change(value, null, AuditAction.Create));
                imported++;
            }
            else if (old.Value == value.Value && (old.Comment ?? "") == (value.Comment ?? ""))
            {
                ignored++;
            }
            else
            {
                changes.Add(new Change(value, old, AuditAction.Update));
                updated++;
            }
        }
        count = new ImportCount(imported, updated, deleted, ignored);
        return changes;
    }

    // Every value of the units and periods the import touches: the keys it may change, and what the
    // validation rules compare them with.
    private static async Task<Dictionary<(int, int, string, string), Existing>> LoadExistingAsync(
        DbConnection connection, DbTransaction transaction, List<CheckedValue> values, CancellationToken ct)
    {
        var existing = new Dictionary<(int, int, string, string), Existing>();
        foreach (var group in values.GroupBy(v => v.PeriodCode))
        {
            var units = group.Select(v => v.Unit.Id).ToHashSet();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = ExistingValuesSql(units.Count <= UnitListLimit ? units : null);
            Add(command, "@period", group.Key);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var unitId = reader.GetInt32(2);
                if (!units.Contains(unitId))
                    continue;
                existing[(reader.GetInt32(1), unitId, group.Key, reader.GetString(3))] =
                    new Existing(reader.GetInt64(0), reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetString(5));
            }
        }
        return existing;
    }

    // Values in an approved (locked) form are refused: a province's quarter, the yearly values in its Q4 form.
    private static async Task<List<ImportConflict>> LockedAsync(
        DbConnection connection, DbTransaction transaction, Catalogue catalogue, List<CheckedValue> values, CancellationToken ct)
    {
        var formPeriodOf = values.Select(v => v.Period).Distinct().ToDictionary(p => p, FormPeriod);
        var formPeriods = formPeriodOf.Values.Distinct().ToList();
        if (formPeriods.Count == 0)
            return [];
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = formPeriods.Select((_, i) => $"@p{i}").ToList();
        command.CommandText = LockedFormsSql(names);
        for (var i = 0; i < names.Count; i++)
            Add(command, names[i], formPeriods[i]);
        var locked = new HashSet<(int, string)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                locked.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return values
            .Where(v => locked.Count > 0 && FormUnit(catalogue, v.Unit) is { } unit && locked.Contains((unit.Id, formPeriodOf[v.Period])))
            .Select(v => new ImportConflict(v.Row, DataValueColumns.Period, v.PeriodCode, Language.Pick(
                $"Biểu mẫu {FormPeriod(v.Period)} của {FormUnit(catalogue, v.Unit)?.NameVi} đã được phê duyệt và khoá.",
                $"The {FormPeriod(v.Period)} form of {FormUnit(catalogue, v.Unit)?.NameEn} is approved and locked.")))
            .ToList();
    }

    internal static string ExistingValuesSql(IEnumerable<int>? units) =>
        """SELECT "Id", "DataElementId", "OrgUnitId", "OptionCode", "Value", "Comment" FROM "DataValues" WHERE "Period" = @period"""
        + (units is null ? "" : $""" AND "OrgUnitId" IN ({string.Join(",", units.Select(u => u.ToString(CultureInfo.InvariantCulture)))})""");

    internal static string LockedFormsSql(IEnumerable<string> parameterNames) =>
        $"""SELECT "OrgUnitId", "Period" FROM "ReportForms" WHERE "Status" = 'Approved' AND "Period" IN ({string.Join(",", parameterNames)})""";

    public static string FormPeriod(Period period) => Period.ForQuarter(period.End.Year, (period.End.Month - 1) / 3 + 1).Code;

    // Forms belong to provinces; a commune's values are in its province's form.
    public static OrgUnit? FormUnit(Catalogue catalogue, OrgUnit unit)
    {
        for (var u = unit; u is not null; u = u.Parent)
        {
            if (u.Level == 2)
                return u;
        }
        return null;
    }

    // The error rules must hold in every unit and period the import changes, on the data as it
    // would be after the import.
    private static List<ImportConflict> CheckValidationRules(
        Catalogue catalogue, List<CheckedValue> values, List<Change> changes, Dictionary<(int, int, string, string), Existing> existing)
    {
        var rules = catalogue.ValidationRules.Where(r => r.Severity == ValidationSeverity.Error).ToList();
        var conflicts = new List<ImportConflict>();
        var touched = changes.Select(c => (c.Value.Unit.Id, c.Value.PeriodCode)).ToHashSet();
        if (touched.Count == 0 || rules.Count == 0)
            return conflicts;

        // Totals per element after the import, and how many options hold a value: an element whose
        // last value is deleted has no value (the rule is skipped), not 0.
        var after = new Dictionary<(int Unit, string Period, int Element), (double Total, int Values)>();
        void Add((int, string, int) key, double value, int values)
        {
            var (total, count) = after.GetValueOrDefault(key);
            after[key] = (total + value, count + values);
        }
        foreach (var ((elementId, unitId, period, option), old) in existing)
        {
            if (touched.Contains((unitId, period)))
                Add((unitId, period, elementId), old.Value, 1);
        }
        foreach (var change in changes)
        {
            var held = (change.NewValue is null ? 0 : 1) - (change.Old is null ? 0 : 1);
            Add((change.Value.Unit.Id, change.Value.PeriodCode, change.Value.Element.Id), (change.NewValue ?? 0) - (change.Old?.Value ?? 0), held);
        }
        var elementIds = catalogue.ElementsByCode;
        var vietnamese = Language.IsVietnamese;
        var rowsByPlace = values.ToLookup(v => (v.Unit.Id, v.PeriodCode));

        foreach (var (unitId, period) in touched)
        {
            double? Total(string code) => elementIds.TryGetValue(code, out var e) && after.TryGetValue((unitId, period, e.Id), out var t) && t.Values > 0
                ? t.Total
                : null;
            foreach (var rule in rules)
            {
                if (rule.Check(Total) is not { Holds: false } broken)
                    continue;
                var rows = rowsByPlace[(unitId, period)].ToList();
                var row = rows.FirstOrDefault(v => rule.LeftCodes.Contains(v.Element.Code))
                    ?? rows.FirstOrDefault(v => rule.RightCodes.Contains(v.Element.Code))
                    ?? rows[0];
                conflicts.Add(new ImportConflict(row.Row, DataValueColumns.Value, row.Value?.ToString(CultureInfo.InvariantCulture), string.Format(
                    CultureInfo.InvariantCulture, "{0}: {1} ({2} {3} {4} {5} {6}, {7} {8})",
                    rule.Code, rule.Message(vietnamese), rule.Left, broken.Left, rule.Operator, rule.Right, broken.Right,
                    catalogue.Units[unitId].Code, period)));
            }
        }
        return conflicts;
    }

    // Dates as EF Core's SQLite provider stores them (DataValues.LastUpdatedUtc is kept in ticks).
    private const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    // Sorted unit by unit, the inserts into each index stay near the previous one.
    private void Write(SqliteConnection connection, List<Change> changes, string userName)
    {
        var utcNow = time.GetUtcNow().UtcDateTime;
        var now = utcNow.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
        var nowTicks = utcNow.Ticks;
        using var insert = new SqliteStatement(connection, """
            INSERT INTO "DataValues" ("DataElementId", "OrgUnitId", "Period", "OptionCode", "Value", "Comment", "StoredBy", "LastUpdatedUtc", "Version")
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)
            """);
        using var update = new SqliteStatement(connection, """
            UPDATE "DataValues" SET "Value" = ?, "Comment" = ?, "StoredBy" = ?, "LastUpdatedUtc" = ?, "Version" = "Version" + 1 WHERE "Id" = ?
            """);
        using var delete = new SqliteStatement(connection, """DELETE FROM "DataValues" WHERE "Id" = ?""");
        using var audit = new SqliteStatement(connection, """
            INSERT INTO "DataValueAudits" ("BatchId", "DataElementId", "OrgUnitId", "Period", "OptionCode", "Action", "OldValue", "NewValue", "StoredBy")
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """);
        using var batch = new SqliteStatement(connection, """INSERT INTO "AuditBatches" ("ChangedBy", "ChangedAtUtc", "Reason") VALUES (?, ?, ?)""");
        batch.Add(userName).Add(now).Add("import").Execute();
        var batchId = batch.LastInsertedId;

        var ordered = changes.OrderBy(c => c.Value.Unit.Id).ThenBy(c => c.Value.Period.Start)
            .ThenBy(c => c.Value.Element.Id).ThenBy(c => c.Value.Option, StringComparer.Ordinal);
        foreach (var change in ordered)
        {
            var v = change.Value;
            // The value records who imported it; a different `storedby` of the file goes to the audit.
            var storedBy = userName;
            switch (change.Action)
            {
                case AuditAction.Create:
                    insert.Add(v.Element.Id).Add(v.Unit.Id).Add(v.PeriodCode).Add(v.Option)
                        .Add(v.Value).Add(v.Comment).Add(storedBy).Add(nowTicks).Execute();
                    break;
                case AuditAction.Update:
                    update.Add(v.Value).Add(v.Comment).Add(storedBy).Add(nowTicks).Add(change.Old?.Id ?? 0).Execute();
                    break;
                default:
                    delete.Add(change.Old?.Id ?? 0).Execute();
                    break;
            }
            audit.Add(batchId).Add(v.Element.Id).Add(v.Unit.Id).Add(v.PeriodCode).Add(v.Option).Add(ActionNames[(int)change.Action])
                .Add(change.Old?.Value).Add(change.NewValue).Add(v.StoredBy is { } by && by != userName ? by : null).Execute();
        }
    }

    private static readonly string[] ActionNames = Enum.GetNames<AuditAction>();

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
