using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Core.Services;

// The quarterly form of a province (domain.md §5): what it expects, what is stored, and saving one
// cell at a time with optimistic concurrency, one audit row each in the same transaction, and a
// change set for the open pages after the commit.
public sealed class FormService(
    IDbContextFactory<AppDbContext> factory, CatalogueCache catalogues, ValueStore store, DataChangeNotifier notifier,
    TimeProvider time, IOptions<ReportingOptions>? reporting = null, IOptions<ImportOptions>? import = null)
{
    public const string AuditSource = "form";

    // Read at each use: the settings page changes deadlines and limits without a restart.
    private ReportingOptions ReportingSettings => reporting?.Value ?? new ReportingOptions();
    private ImportOptions ImportSettings => import?.Value ?? new ImportOptions();

    // The latest quarter that has ended (its form is due or overdue), Vietnam time.
    public Period LatestDueQuarter()
    {
        var today = VietnamClock.Today(time);
        var current = Period.ForQuarter(today.Year, (today.Month - 1) / 3 + 1);
        var previousDay = current.Start.AddDays(-1);
        return Period.ForQuarter(previousDay.Year, (previousDay.Month - 1) / 3 + 1);
    }

    // The provinces whose forms this user may open for the quarter.
    public async Task<IReadOnlyList<OrgUnit>> ProvincesAsync(UserAccess access, Period quarter)
    {
        var catalogue = await catalogues.GetAsync();
        return catalogue.Units.OpenOn(quarter.Start, 2).Where(access.CanRead).ToList();
    }

    public async Task<FormView> OpenAsync(UserAccess access, int unitId, Period quarter, CancellationToken ct = default)
    {
        var catalogue = await catalogues.GetAsync();
        var unit = catalogue.Units.TryGet(unitId, out var found) ? found : throw new ArgumentException($"Unit {unitId} does not exist.", nameof(unitId));
        if (!access.CanRead(unit))
            throw new UnauthorizedAccessException(Language.Pick($"Bạn không có quyền xem biểu mẫu của {unit.NameVi}.", $"You may not open the form of {unit.NameEn}."));
        if (quarter.Type != PeriodType.Quarterly || !FormLayout.MustReport(unit, quarter))
            throw new ArgumentException(Language.Pick($"{unit.NameVi} không có biểu mẫu kỳ {quarter.Code}.", $"{unit.NameEn} has no form for {quarter.Code}."));

        var layout = FormLayout.Cells(unit, quarter, catalogue.Elements, catalogue.OptionsOf);
        var periods = new[] { quarter.Code, quarter.YearPeriod.Code };
        await using var db = await factory.CreateDbContextAsync(ct);
        var stored = await db.DataValues.AsNoTracking().Where(v => v.OrgUnitId == unit.Id && periods.Contains(v.Period)).ToListAsync(ct);
        var form = await db.ReportForms.AsNoTracking().SingleOrDefaultAsync(f => f.OrgUnitId == unit.Id && f.Period == quarter.Code, ct);
        var remarks = await db.Remarks.AsNoTracking().Where(r => r.OrgUnitId == unit.Id && periods.Contains(r.Period)).OrderBy(r => r.AtUtc).ToListAsync(ct);
        var history = form is null ? [] : await db.FormEvents.AsNoTracking().Where(e => e.ReportFormId == form.Id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(ct);

        var byKey = stored.ToDictionary(v => (v.DataElementId, v.Period, v.OptionCode));
        var comparisons = await store.ReadAsync(table => layout.ToDictionary(c => c, c => Compare(table, catalogue.Units, unit, c)), ct);
        var cells = layout.ToDictionary(
            c => FormCellView.CellKey(c.Element.Id, c.Option),
            c => new FormCellView(c, byKey.TryGetValue((c.Element.Id, c.ValuePeriod.Code, c.Option), out var v) ? ToCell(v) : CellValue.Empty,
                comparisons[c].Previous, comparisons[c].LastYear));
        var messages = await FormChecks.MessagesAsync(catalogue, store, unit, quarter, cells.Values.ToList(), stored, ct);
        var status = form?.Status ?? FormStatus.Draft;

        return new FormView(unit, quarter, status, form, Groups(catalogue, layout, quarter), cells, messages, remarks, history,
            ReportingSettings.QuarterDeadline(quarter), access.CanEnterData(unit), access.CanEnterData(unit) && status == FormStatus.Draft, access.CanApprove(unit));
    }

    public async Task<SaveResult> SaveAsync(UserAccess access, ValueSave save, CancellationToken ct = default)
    {
        var catalogue = await catalogues.GetAsync();
        if (!catalogue.Units.TryGet(save.UnitId, out var unit) || !Period.TryParse(save.Quarter, out var quarter) || quarter.Type != PeriodType.Quarterly)
            return Invalid(Language.Pick("Biểu mẫu không tồn tại.", "There is no such form."));
        if (!access.CanEnterData(unit))
            return new SaveResult(SaveOutcome.Forbidden, CellValue.Empty, Language.Pick(
                $"Bạn không có quyền nhập số liệu cho {unit.NameVi}.", $"You may not enter data for {unit.NameEn}."));
        if (!FormLayout.MustReport(unit, quarter))
            return Invalid(Language.Pick($"{unit.NameVi} không có biểu mẫu kỳ {quarter.Code}.", $"{unit.NameEn} has no form for {quarter.Code}."));
        var cell = FormLayout.Cells(unit, quarter, catalogue.Elements, catalogue.OptionsOf)
            .FirstOrDefault(c => c.Element.Id == save.ElementId && c.Option == save.Option);
        if (cell is null)
            return Invalid(Language.Pick("Ô này không thuộc biểu mẫu.", "This cell is not part of the form."));
        if (CheckValue(cell.Element, save.Value) is { } error)
            return Invalid(error);
        var comment = string.IsNullOrWhiteSpace(save.Comment) ? null : save.Comment.Trim();
        if (comment is { Length: > Remark.MaxLength })
            return Invalid(Language.Pick($"Ghi chú tối đa {Remark.MaxLength} ký tự.", $"A comment takes at most {Remark.MaxLength} characters."));

        await store.WriteLock.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            var (result, changed) = await WriteRetry.RunAsync(
                token => WriteAsync(access.UserName, unit, quarter, cell, save with { Value = save.Value == 0 ? 0 : save.Value }, comment, now.UtcDateTime, token), ct);
            if (changed)
            {
                store.Apply([new StoredValue(cell.Element.Id, unit.Id, cell.ValuePeriod, cell.Option, result.Current.Value)]);
                notifier.Publish(ChangeSet.ForValues(catalogue.Units, [(cell.Element.Id, unit.Id, cell.ValuePeriod)], access.UserName, now));
            }
            return result;
        }
        finally
        {
            store.WriteLock.Release();
        }
    }

    private async Task<(SaveResult Result, bool Changed)> WriteAsync(
        string userName, OrgUnit unit, Period quarter, FormCell cell, ValueSave save, string? comment, DateTime now, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var form = await db.ReportForms.SingleOrDefaultAsync(f => f.OrgUnitId == unit.Id && f.Period == quarter.Code, ct);
        var period = cell.ValuePeriod.Code;
        var row = await db.DataValues.SingleOrDefaultAsync(v =>
            v.DataElementId == cell.Element.Id && v.OrgUnitId == unit.Id && v.Period == period && v.OptionCode == cell.Option, ct);
        var current = row is null ? CellValue.Empty : ToCell(row);

        if (form is { Status: not FormStatus.Draft })
        {
            return (new SaveResult(SaveOutcome.Locked, current, form.Status == FormStatus.Approved
                ? Language.Pick("Biểu mẫu đã được phê duyệt và khoá.", "The form is approved and locked.")
                : Language.Pick("Biểu mẫu đã gửi duyệt: không sửa được nữa cho đến khi được trả lại.", "The form is submitted: it cannot change unless it is returned.")), false);
        }
        if (current.Token != save.Expected)
        {
            return (new SaveResult(SaveOutcome.Conflict, current, Language.Pick(
                $"{current.StoredBy ?? "Người khác"} đã lưu ô này trước bạn.", $"{current.StoredBy ?? "Someone else"} saved this cell before you.")), false);
        }
        if (row is null ? save.Value is null : row.Value == save.Value && row.Comment == comment)
            return (new SaveResult(SaveOutcome.Unchanged, current, null), false);

        // Every save moves the form's version: a workflow step that read the form before it is retried.
        if (form is null)
            db.ReportForms.Add(new ReportForm { OrgUnitId = unit.Id, Period = quarter.Code, Status = FormStatus.Draft });
        else
            form.Version++;

        var old = row?.Value;
        AuditAction action;
        if (row is null)
        {
            action = AuditAction.Create;
            row = new DataValue
            {
                DataElementId = cell.Element.Id, OrgUnitId = unit.Id, Period = period, OptionCode = cell.Option,
                Value = save.Value.GetValueOrDefault(), Comment = comment, StoredBy = userName, LastUpdatedUtc = now,
            };
            db.DataValues.Add(row);
        }
        else if (save.Value is null)
        {
            action = AuditAction.Delete;
            db.DataValues.Remove(row);
        }
        else
        {
            action = AuditAction.Update;
            row.Value = save.Value.Value;
            row.Comment = comment;
            row.StoredBy = userName;
            row.LastUpdatedUtc = now;
            row.Version++;
        }
        var batch = new AuditBatch { ChangedBy = userName, ChangedAtUtc = now, Reason = AuditSource };
        db.AuditBatches.Add(batch);
        db.DataValueAudits.Add(new DataValueAudit
        {
            Batch = batch, DataElementId = cell.Element.Id, OrgUnitId = unit.Id, Period = period, OptionCode = cell.Option,
            Action = action, OldValue = old, NewValue = save.Value, Comment = comment,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var saved = action == AuditAction.Delete ? CellValue.Empty : ToCell(row);
        return (new SaveResult(SaveOutcome.Saved, saved, null), true);
    }

    // The history of one cell, newest first: who changed it, when, from what to what, and why.
    public async Task<IReadOnlyList<CellChange>> HistoryAsync(UserAccess access, int unitId, string period, int elementId, string option, CancellationToken ct = default)
    {
        var catalogue = await catalogues.GetAsync();
        if (!catalogue.Units.TryGet(unitId, out var unit) || !access.CanRead(unit))
            return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.DataValueAudits.AsNoTracking()
            .Where(a => a.OrgUnitId == unitId && a.DataElementId == elementId && a.Period == period && a.OptionCode == option)
            .OrderByDescending(a => a.Id)
            .Select(a => new CellChange(a.Batch!.ChangedBy, a.Batch.ChangedAtUtc, a.Batch.Reason, a.Action, a.OldValue, a.NewValue, a.Comment ?? a.StoredBy))
            .ToListAsync(ct);
    }

    private string? CheckValue(DataElement element, double? value)
    {
        if (value is not { } v)
            return null;
        if (!double.IsFinite(v))
            return Language.Pick("Giá trị không phải là số.", "The value is not a number.");
        if (v < 0)
            return Language.Pick("Giá trị không được âm.", "Values cannot be negative.");
        if (element.ValueType == ElementValueType.Count && Math.Floor(v) != v)
            return Language.Pick("Đây là số đếm: cần số nguyên.", "This is a count: a whole number is required.");
        var max = element.ValueType == ElementValueType.Money ? ImportSettings.MaxMoney : ImportSettings.MaxCount;
        return v > max
            ? Language.Pick($"Giá trị vượt quá mức hợp lý {max:N0}.", $"The value is above the plausible maximum of {max:N0}.")
            : null;
    }

    private static SaveResult Invalid(string message) => new(SaveOutcome.Invalid, CellValue.Empty, message);

    internal static CellValue ToCell(DataValue v) => new(v.Value, v.Comment, new ValueToken(v.Id, v.Version), v.StoredBy, v.LastUpdatedUtc);

    private static (double? Previous, double? LastYear) Compare(ValueTable table, OrgUnitDirectory units, OrgUnit unit, FormCell cell)
    {
        double? At(Period p) => table.Sum(cell.Element.Id, cell.Option, p, units.TerritoryOf(unit, p.Start));
        var period = cell.ValuePeriod;
        var lastYear = period with { Year = period.Year - 1 };
        var previous = period.Type == PeriodType.Quarterly
            ? (period.Index == 1 ? Period.ForQuarter(period.Year - 1, 4) : period with { Index = period.Index - 1 })
            : lastYear;
        return (At(previous), At(lastYear));
    }

    // Elements grouped by the programme whose indicators use them, programmes running in the
    // quarter's year first; an element used by none comes last on its own.
    private static IReadOnlyList<FormGroup> Groups(Catalogue catalogue, IReadOnlyList<FormCell> layout, Period quarter)
    {
        var programmes = catalogue.Programmes
            .OrderBy(p => p.StartYear <= quarter.Year && (p.EndYear is null || p.EndYear >= quarter.Year) ? 0 : 1)
            .ThenBy(p => p.Code, StringComparer.Ordinal)
            .ToList();
        var indicatorsOf = catalogue.Indicators.ToLookup(i => i.ProgrammeId);
        var claimed = new Dictionary<string, Programme>(StringComparer.OrdinalIgnoreCase);
        foreach (var programme in programmes)
        {
            foreach (var code in indicatorsOf[programme.Id].SelectMany(i => i.ElementCodes()))
                claimed.TryAdd(code, programme);
        }
        var elements = layout.Select(c => c.Element).DistinctBy(e => e.Id).ToList();
        var groups = programmes
            .Select(p => new FormGroup(p, elements.Where(e => claimed.TryGetValue(e.Code, out var owner) && owner.Id == p.Id).ToList()))
            .Where(g => g.Elements.Count > 0)
            .ToList();
        var rest = elements.Where(e => !claimed.ContainsKey(e.Code)).ToList();
        if (rest.Count > 0)
            groups.Add(new FormGroup(null, rest));
        return groups;
    }
}

// One change of a cell as its history shows it.
public sealed record CellChange(string By, DateTime AtUtc, string Source, AuditAction Action, double? OldValue, double? NewValue, string? Comment);
