using System.Globalization;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Core.Services;

// Targets from a file: a row with the same indicator, unit and target year replaces the old one;
// any conflict writes nothing (exchange.md §3–4). Each change is audited like a value change (a
// batch for who and when, old and new per target), in the transaction that writes it, and shows
// in the administrators' log. A preview runs the same checks and says what would change.
public sealed class TargetImportService(
    IDbContextFactory<AppDbContext> factory, CatalogueCache catalogues, DataChangeNotifier notifier, TimeProvider time,
    IOptions<ImportOptions>? options = null, AdminAuditLog? adminLog = null)
{
    // Read at each use: the settings page changes the limits without a restart.
    private ImportOptions Options => options?.Value ?? new ImportOptions();
    // One target import writes at a time: two new rows for the same target would otherwise race to the unique index.
    private readonly SemaphoreSlim _writing = new(1, 1);

    private sealed record CheckedTarget(int Row, Indicator Indicator, OrgUnit Unit, int? BaselineYear, double? BaselineValue, int TargetYear, double TargetValue, string? Source);

    // One created or updated target of a file, with its values before (Old…, null when new) and after.
    public sealed record TargetChange(int Row, Indicator Indicator, OrgUnit Unit, TargetAudit Change);

    public async Task<ImportReport> ImportAsync(IReadOnlyList<TargetRow> rows, ImportContext context, CancellationToken ct = default) =>
        (await RunAsync(rows, context, ct)).Report;

    // A dry run that also lists what the file would create and update (unchanged rows are only counted).
    public Task<(ImportReport Report, IReadOnlyList<TargetChange> Changes)> PreviewAsync(
        IReadOnlyList<TargetRow> rows, ImportContext context, CancellationToken ct = default) =>
        RunAsync(rows, context with { DryRun = true }, ct);

    private async Task<(ImportReport Report, IReadOnlyList<TargetChange> Changes)> RunAsync(
        IReadOnlyList<TargetRow> rows, ImportContext context, CancellationToken ct)
    {
        var catalogue = await catalogues.GetAsync();
        var scope = context.ScopeUnitId is { } scopeId ? catalogue.Units[scopeId] : null;
        var today = VietnamClock.Today(time);
        var conflicts = new ImportConflicts();
        var targets = new List<CheckedTarget>();
        var firstRow = new Dictionary<(int, int, int), int>();
        foreach (var row in rows)
        {
            if (Check(row, catalogue, scope, today, conflicts) is not { } target)
                continue;
            var key = (target.Indicator.Id, target.Unit.Id, target.TargetYear);
            if (firstRow.TryGetValue(key, out var first))
            {
                conflicts.Add(new ImportConflict(row.Row, "target_year", row.TargetYear, Language.Pick(
                    $"Trùng với dòng {first} (cùng chỉ tiêu, đơn vị và năm mục tiêu).",
                    $"Duplicate of row {first} (same indicator, unit and target year).")));
                continue;
            }
            firstRow[key] = row.Row;
            targets.Add(target);
        }
        if (conflicts.Total > 0)
            return (ImportReport.Failed(context.DryRun, conflicts), []);

        await _writing.WaitAsync(ct);
        try
        {
            return await WriteAsync(targets, context, ct);
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task<(ImportReport, IReadOnlyList<TargetChange>)> WriteAsync(List<CheckedTarget> targets, ImportContext context, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.Targets.ToDictionaryAsync(t => (t.IndicatorId, t.OrgUnitId, t.TargetYear), ct);
        var audits = new List<TargetAudit>();
        var changes = new List<TargetChange>();
        var previewChanges = new List<ImportChange>();
        var vietnamese = Language.IsVietnamese;
        ImportChange Change(CheckedTarget t, AuditAction action, Target? old) => new(
            t.Row, action, t.Indicator.Code, t.Indicator.Name(vietnamese), null, t.Unit.Code, t.Unit.Name(vietnamese),
            t.TargetYear.ToString(CultureInfo.InvariantCulture), old?.TargetValue, t.TargetValue,
            old is null ? null : Note(old.BaselineYear, old.BaselineValue, old.Source), Note(t.BaselineYear, t.BaselineValue, t.Source));
        int imported = 0, updated = 0, ignored = 0;
        foreach (var t in targets)
        {
            var audit = new TargetAudit
            {
                IndicatorId = t.Indicator.Id, OrgUnitId = t.Unit.Id, TargetYear = t.TargetYear,
                NewBaselineYear = t.BaselineYear, NewBaselineValue = t.BaselineValue, NewTargetValue = t.TargetValue, NewSource = t.Source,
            };
            if (!existing.TryGetValue((t.Indicator.Id, t.Unit.Id, t.TargetYear), out var target))
            {
                db.Targets.Add(new Target
                {
                    IndicatorId = t.Indicator.Id, OrgUnitId = t.Unit.Id, TargetYear = t.TargetYear, TargetValue = t.TargetValue,
                    BaselineYear = t.BaselineYear, BaselineValue = t.BaselineValue, Source = t.Source,
                });
                audit.Action = AuditAction.Create;
                audits.Add(audit);
                previewChanges.Add(Change(t, AuditAction.Create, null));
                changes.Add(new TargetChange(t.Row, t.Indicator, t.Unit, audit));
                imported++;
            }
            else if (target.TargetValue == t.TargetValue && target.BaselineYear == t.BaselineYear && target.BaselineValue == t.BaselineValue && target.Source == t.Source)
            {
                ignored++;
            }
            else
            {
                audit.Action = AuditAction.Update;
                previewChanges.Add(Change(t, AuditAction.Update, target));
                (audit.OldBaselineYear, audit.OldBaselineValue, audit.OldTargetValue, audit.OldSource) =
                    (target.BaselineYear, target.BaselineValue, target.TargetValue, target.Source);
                audits.Add(audit);
                changes.Add(new TargetChange(t.Row, t.Indicator, t.Unit, audit));
                (target.TargetValue, target.BaselineYear, target.BaselineValue, target.Source) = (t.TargetValue, t.BaselineYear, t.BaselineValue, t.Source);
                updated++;
            }
        }
        var count = new ImportCount(imported, updated, 0, ignored);
        if (context.Previewed is { } previewed && ImportPreviewCheck.Differences(previewed, previewChanges, "target_value") is { Count: > 0 } changed)
        {
            var conflicts = new ImportConflicts();
            conflicts.AddRange(changed);
            return (ImportReport.Failed(context.DryRun, conflicts), []);
        }
        if (context.DryRun || audits.Count == 0)
            return (new ImportReport(ImportReport.Success, context.DryRun, count, []) { Changes = context.DryRun ? previewChanges : [] }, changes);

        var now = time.GetUtcNow();
        var batch = new AuditBatch { ChangedBy = context.UserName, ChangedAtUtc = now.UtcDateTime, Reason = context.Reason };
        db.AuditBatches.Add(batch);
        foreach (var audit in audits)
            audit.Batch = batch;
        db.TargetAudits.AddRange(audits);
        foreach (var change in changes)
            AddToAdminLog(db, context.UserName, change);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        catalogues.Invalidate();
        notifier.Publish(ChangeSet.ForTargets(
            targets.Select(t => t.Indicator.Id).Distinct(), targets.Select(t => t.Unit.Id).Distinct(), context.UserName, now));
        return (new ImportReport(ImportReport.Success, false, count, []), changes);
    }

    private void AddToAdminLog(AppDbContext db, string userName, TargetChange change)
    {
        var a = change.Change;
        var old = a.OldTargetValue is { } oldValue ? TargetText.Describe(a.OldBaselineYear, a.OldBaselineValue, a.TargetYear, oldValue, a.OldSource) : null;
        var @new = a.NewTargetValue is { } newValue ? TargetText.Describe(a.NewBaselineYear, a.NewBaselineValue, a.TargetYear, newValue, a.NewSource) : null;
        adminLog?.Add(db, userName, a.Action == AuditAction.Create ? AdminAction.TargetCreated : AdminAction.TargetChanged,
            TargetText.Subject(change.Indicator, change.Unit, a.TargetYear), change.Unit.Id, old, @new);
    }

    private CheckedTarget? Check(TargetRow row, Catalogue catalogue, OrgUnit? scope, DateOnly today, ImportConflicts conflicts)
    {
        ImportConflict Conflict(string column, string? value, string vi, string en) => new(row.Row, column, value, Language.Pick(vi, en));
        static string Q(string? text) => ImportConflict.Quote(text);

        if (string.IsNullOrWhiteSpace(row.Indicator) || !catalogue.IndicatorsByCode.TryGetValue(row.Indicator, out var indicator))
        {
            conflicts.Add(Conflict("indicator", row.Indicator, $"Chỉ tiêu '{Q(row.Indicator)}' không tồn tại.", $"Unknown indicator '{Q(row.Indicator)}'."));
            return null;
        }
        if (!OrgUnitReference.TryParse(row.OrgUnit, out var reference, out var error))
        {
            conflicts.Add(new ImportConflict(row.Row, "orgunit", row.OrgUnit, error));
            return null;
        }
        var unit = catalogue.Units.Find(reference, today);
        if (unit is null)
        {
            conflicts.Add(Conflict("orgunit", row.OrgUnit, $"Không tìm thấy đơn vị '{Q(row.OrgUnit)}'.", $"No unit '{Q(row.OrgUnit)}'."));
            return null;
        }
        if (scope is not null && !catalogue.Units.IsWithin(unit, scope))
        {
            conflicts.Add(Conflict("orgunit", row.OrgUnit, $"Đơn vị '{Q(row.OrgUnit)}' nằm ngoài phạm vi của bạn.", $"Unit '{Q(row.OrgUnit)}' is outside your scope."));
            return null;
        }
        if (!TryYear(row.TargetYear, out var targetYear) || targetYear is null)
        {
            conflicts.Add(Conflict("target_year", row.TargetYear, "Năm mục tiêu phải là một năm (ví dụ 2030).", "The target year must be a year (e.g. 2030)."));
            return null;
        }
        if (!IsOpenIn(unit, targetYear.Value))
        {
            var successor = unit.Successor;
            conflicts.Add(Conflict("orgunit", row.OrgUnit, unit.ClosedDate is { } closed && closed.Year < targetYear
                    ? $"{unit.NameVi} ({unit.Code}) đã ngừng hoạt động từ sau ngày {closed:dd/MM/yyyy}, trước năm mục tiêu {targetYear}"
                        + (successor is null ? "." : $"; hãy đặt chỉ tiêu cho {successor.NameVi} ({successor.Code}).")
                    : $"{unit.NameVi} ({unit.Code}) chỉ hoạt động từ ngày {unit.OpeningDate:dd/MM/yyyy}, sau năm mục tiêu {targetYear}.",
                unit.ClosedDate is { } closedEn && closedEn.Year < targetYear
                    ? $"{unit.NameEn} ({unit.Code}) closed after {closedEn:yyyy-MM-dd}, before the target year {targetYear}"
                        + (successor is null ? "." : $"; set the target for {successor.NameEn} ({successor.Code}).")
                    : $"{unit.NameEn} ({unit.Code}) opened on {unit.OpeningDate:yyyy-MM-dd}, after the target year {targetYear}."));
            return null;
        }
        var max = MaxValue(indicator);
        if (!TryNumber(row.TargetValue, max, out var targetValue) || targetValue is null)
        {
            conflicts.Add(Conflict("target_value", row.TargetValue, ValueRange(indicator, max, vietnamese: true), ValueRange(indicator, max, vietnamese: false)));
            return null;
        }
        if (!TryYear(row.BaselineYear, out var baselineYear))
        {
            conflicts.Add(Conflict("baseline_year", row.BaselineYear, "Năm cơ sở phải là một năm.", "The baseline year must be a year."));
            return null;
        }
        if (!TryNumber(row.BaselineValue, max, out var baselineValue))
        {
            conflicts.Add(Conflict("baseline_value", row.BaselineValue, ValueRange(indicator, max, vietnamese: true), ValueRange(indicator, max, vietnamese: false)));
            return null;
        }
        if ((baselineYear is null) != (baselineValue is null))
        {
            conflicts.Add(Conflict(baselineYear is null ? "baseline_year" : "baseline_value", null,
                "Cần cả năm và giá trị cơ sở, hoặc để trống cả hai.", "Give both the baseline year and value, or neither."));
            return null;
        }
        if (baselineYear >= targetYear)
        {
            conflicts.Add(Conflict("baseline_year", row.BaselineYear,
                $"Năm mục tiêu ({targetYear}) phải sau năm cơ sở ({baselineYear}).",
                $"The target year ({targetYear}) must come after the baseline year ({baselineYear})."));
            return null;
        }
        if (row.Source is { } source && (source.Length > ImportLimits.SourceLength || source.Any(char.IsControl)))
        {
            conflicts.Add(Conflict("source", source,
                $"Nguồn tối đa {ImportLimits.SourceLength:N0} ký tự, không có ký tự điều khiển.",
                $"The source takes at most {ImportLimits.SourceLength:N0} characters and no control characters."));
            return null;
        }
        return new CheckedTarget(row.Row, indicator, unit, baselineYear, baselineValue, targetYear.Value, targetValue.Value,
            string.IsNullOrWhiteSpace(row.Source) ? null : row.Source.Trim());
    }

    // A target's baseline and source, as the preview shows them beside its value.
    private static string? Note(int? baselineYear, double? baselineValue, string? source)
    {
        var baseline = baselineYear is { } year ? $"{year}: {baselineValue?.ToString("G", CultureInfo.CurrentCulture)}" : null;
        var parts = new[] { baseline, source }.Where(p => !string.IsNullOrEmpty(p)).ToList();
        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    // Open on at least one day of the year: a province that closed on 2025-06-30 may still have a 2025 target.
    private static bool IsOpenIn(OrgUnit unit, int year) =>
        unit.OpeningDate <= new DateOnly(year, 12, 31) && (unit.ClosedDate is not { } closed || closed >= new DateOnly(year, 1, 1));

    // Percentages lie within 0–100, rates per 100,000 within 0–100,000, anything else (counts) up to the plausible count.
    private double MaxValue(Indicator indicator) => indicator.Factor is 100 or 100_000 ? indicator.Factor : Options.MaxCount;

    private static string ValueRange(Indicator indicator, double max, bool vietnamese)
    {
        var culture = CultureInfo.GetCultureInfo(vietnamese ? "vi-VN" : "en-US");
        var upTo = max.ToString("N0", culture);
        return (indicator.Factor, vietnamese) switch
        {
            (100, true) => $"{indicator.Code} là tỷ lệ phần trăm: cần một số từ 0 đến 100 (dấu chấm cho phần thập phân).",
            (100, false) => $"{indicator.Code} is a percentage: a number from 0 to 100 is required (a point for decimals).",
            (_, true) => $"Giá trị của {indicator.Code} phải là một số từ 0 đến {upTo} (dấu chấm cho phần thập phân).",
            _ => $"A value of {indicator.Code} must be a number from 0 to {upTo} (a point for decimals).",
        };
    }

    private static bool TryYear(string? text, out int? year)
    {
        year = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= Period.MinYear and <= Period.MaxYear)
        {
            year = y;
            return true;
        }
        return false;
    }

    private static bool TryNumber(string? text, double max, out double? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (text.Length <= ImportLimits.NumberLength
            && double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) && n <= max)
        {
            number = n;
            return true;
        }
        return false;
    }
}
