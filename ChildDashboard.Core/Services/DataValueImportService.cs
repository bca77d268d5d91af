using System.Diagnostics;
using System.Globalization;
using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Core.Services;

// The one write path for data values (API, files, and later the entry forms): every row is checked,
// any conflict writes nothing, each change is audited, and after the commit the analytics learn of
// it and a change set goes out to the open pages. Reads and writes happen in one transaction, so a
// concurrent import cannot slip in between.
public sealed class DataValueImportService(
    IDataValueWriter writer, CatalogueCache catalogues, ValueStore store,
    DataChangeNotifier notifier, TimeProvider time, ILogger<DataValueImportService> logger, IOptions<ImportOptions>? options = null)
{
    // Read at each use: the settings page changes the limits without a restart.
    private ImportOptions ImportSettings => options?.Value ?? new ImportOptions();

    public async Task<ImportReport> ImportAsync(IReadOnlyList<DataValueRow> rows, ImportContext context, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        var catalogue = await catalogues.GetAsync();
        var scope = context.ScopeUnitId is { } scopeId ? catalogue.Units[scopeId] : null;
        var checker = new DataValueRowChecker(catalogue, scope, ImportLimits.From(ImportSettings, time));
        var conflicts = new ImportConflicts();
        var values = new List<CheckedValue>(rows.Count);
        var firstRowOfKey = new Dictionary<DataValueKey, int>();
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

        // One writer at a time (imports and form saves; SQLite would queue them anyway), so that the
        // in-memory store receives the changes in the order they were committed.
        await store.WriteLock.WaitAsync(ct);
        try
        {
            return await CompareAndWriteAsync(rows.Count, values, conflicts, catalogue, context, started, checkedAt, ct);
        }
        finally
        {
            store.WriteLock.Release();
        }
    }

    private async Task<ImportReport> CompareAndWriteAsync(
        int rowCount, List<CheckedValue> values, ImportConflicts conflicts, Catalogue catalogue, ImportContext context,
        long started, long checkedAt, CancellationToken ct)
    {
        await using var session = await writer.BeginAsync(ct);

        var existing = await LoadExistingAsync(session, values, ct);
        var changes = Classify(values, existing, out var count);
        // Only a row that would change something is refused in a locked form: re-importing an
        // export of an approved quarter changes nothing and passes.
        conflicts.AddRange(await LockedAsync(session, changes.Select(c => c.Value).ToList(), ct));
        conflicts.AddRange(CheckValidationRules(catalogue, values, changes, existing));
        var described = context.DryRun || context.Previewed is not null ? Describe(changes) : [];
        if (context.Previewed is { } previewed)
            conflicts.AddRange(ImportPreviewCheck.Differences(previewed, described, DataValueColumns.Value));
        var comparedAt = Stopwatch.GetTimestamp();

        if (conflicts.Count > 0)
            return ImportReport.Failed(context.DryRun, conflicts);
        if (context.DryRun || changes.Count == 0)
            return new ImportReport(ImportReport.Success, context.DryRun, count, []) { Changes = context.DryRun ? described : [] };

        var now = time.GetUtcNow();
        await session.WriteAsync(changes.Select(c => c.ToWrite(context.UserName)).ToList(), context.UserName, "import", now.UtcDateTime, ct);
        var insertedAt = Stopwatch.GetTimestamp();
        await session.CommitAsync(ct);
        var writtenAt = Stopwatch.GetTimestamp();

        store.Apply(changes.Select(c => new StoredValue(c.Value.Element.Id, c.Value.Unit.Id, c.Value.Period, c.Value.Option, c.NewValue)).ToList());
        notifier.Publish(ChangeSet.ForValues(
            catalogue.Units, changes.Select(c => (c.Value.Element.Id, c.Value.Unit.Id, c.Value.Period)), context.UserName, now));
        logger.LogInformation(
            "Import by {User}: {Rows} rows, {Changes} changes; checks {Check:F0} ms, compare {Compare:F0} ms, write {Write:F0} ms, commit {Commit:F0} ms, publish {Publish:F0} ms.",
            context.UserName, rowCount, changes.Count, Ms(started, checkedAt), Ms(checkedAt, comparedAt), Ms(comparedAt, insertedAt), Ms(insertedAt, writtenAt),
            Stopwatch.GetElapsedTime(writtenAt).TotalMilliseconds);
        return new ImportReport(ImportReport.Success, false, count, []);
    }

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private sealed record Change(CheckedValue Value, StoredDataValue? Old, AuditAction Action)
    {
        public double? NewValue => Action == AuditAction.Delete ? null : Value.Value;

        // The value records who imported it; a different `storedby` of the file goes to the audit.
        public DataValueChange ToWrite(string userName) => new(
            Value.Key, Value.Period, Action, Old, NewValue, Value.Comment, Value.StoredBy is { } by && by != userName ? by : null);
    }

    private static List<ImportChange> Describe(List<Change> changes)
    {
        var vietnamese = Language.IsVietnamese;
        return changes.Select(c => new ImportChange(
            c.Value.Row, c.Action, c.Value.Element.Code, c.Value.Element.Name(vietnamese), c.Value.Option, c.Value.Unit.Code, c.Value.Unit.Name(vietnamese),
            c.Value.PeriodCode, c.Old?.Value, c.NewValue, c.Old?.Comment, c.Action == AuditAction.Delete ? null : c.Value.Comment)).ToList();
    }

    private static List<Change> Classify(
        List<CheckedValue> values, Dictionary<DataValueKey, StoredDataValue> existing, out ImportCount count)
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
    private static async Task<Dictionary<DataValueKey, StoredDataValue>> LoadExistingAsync(
        IDataValueWriteSession session, List<CheckedValue> values, CancellationToken ct)
    {
        var existing = new Dictionary<DataValueKey, StoredDataValue>();
        foreach (var group in values.GroupBy(v => v.PeriodCode))
        {
            foreach (var (key, value) in await session.ReadValuesAsync(group.Key, group.Select(v => v.Unit.Id).ToHashSet(), ct))
                existing[key] = value;
        }
        return existing;
    }

    // Values in an approved (locked) form are refused: a province's quarter, the yearly values in
    // the form that holds them (domain.md §5).
    private static async Task<List<ImportConflict>> LockedAsync(IDataValueWriteSession session, List<CheckedValue> values, CancellationToken ct)
    {
        var formOf = values.Select(v => (v.Period, v.Unit)).Distinct()
            .ToDictionary(p => p, p => (Unit: ReportForm.UnitFor(p.Unit), Period: ReportForm.PeriodFor(p.Period, p.Unit).Code));
        var locked = await session.ReadApprovedFormsAsync(formOf.Values.Select(f => f.Period).Distinct().ToList(), ct);
        return values
            .Select(v => (Value: v, Form: formOf[(v.Period, v.Unit)]))
            .Where(x => locked.Count > 0 && x.Form.Unit is { } unit && locked.Contains((unit.Id, x.Form.Period)))
            .Select(x => new ImportConflict(x.Value.Row, DataValueColumns.Period, x.Value.PeriodCode, Language.Pick(
                $"Biểu mẫu {x.Form.Period} của {x.Form.Unit?.NameVi} đã được phê duyệt và khoá.",
                $"The {x.Form.Period} form of {x.Form.Unit?.NameEn} is approved and locked.")))
            .ToList();
    }

    // The error rules must hold in every unit and period the import changes, on the data as it
    // would be after the import.
    private static List<ImportConflict> CheckValidationRules(
        Catalogue catalogue, List<CheckedValue> values, List<Change> changes, Dictionary<DataValueKey, StoredDataValue> existing)
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
        foreach (var ((elementId, unitId, period, _), old) in existing)
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
            var start = Period.Parse(period);
            foreach (var rule in rules.Where(r => r.IsActiveIn(start)))
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
}
