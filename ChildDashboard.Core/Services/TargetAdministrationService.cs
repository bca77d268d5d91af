using System.Globalization;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Services;

// The targets page: a unit's target chains per indicator (its own, or the nearest ancestor's it
// adopts, domain.md §4), one target created, changed or deleted, a file previewed and imported,
// and the targets exported. Creating and changing go through TargetImportService, so a target
// typed on the page meets exactly the checks of a file; every change is audited twice: in the
// targets' own audit (old and new per target) and in the administrators' log.
public sealed class TargetAdministrationService(
    IDbContextFactory<AppDbContext> factory, CatalogueCache catalogues, TargetImportService imports, AdminAuditLog audit,
    DataChangeNotifier notifier, TimeProvider time)
{
    public sealed record IndicatorTargets(Indicator Indicator, IReadOnlyList<Target> Own, OrgUnit? AdoptedFrom, IReadOnlyList<Target> Adopted);

    public sealed record TargetEdit(int IndicatorId, int UnitId, int? BaselineYear, double? BaselineValue, int TargetYear, double TargetValue, string? Source);

    // The units whose targets this user sets: the nation first, then open provinces, then closed ones.
    public async Task<IReadOnlyList<OrgUnit>> UnitsAsync(UserAccess actor)
    {
        var catalogue = await catalogues.GetAsync();
        return catalogue.Units.All.Where(actor.CanManageTargets)
            .OrderBy(u => u.Level).ThenBy(u => u.ClosedDate is not null).ThenBy(u => u.NameVi, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false))
            .ToList();
    }

    public async Task<IReadOnlyList<IndicatorTargets>> ListAsync(UserAccess actor, int unitId)
    {
        var catalogue = await catalogues.GetAsync();
        if (!catalogue.Units.TryGet(unitId, out var unit) || !actor.CanManageTargets(unit))
            return [];
        var rows = new List<IndicatorTargets>();
        foreach (var indicator in catalogue.Indicators)
        {
            var own = Chain(catalogue, indicator, unit);
            if (own.Count > 0)
            {
                rows.Add(new IndicatorTargets(indicator, own, null, []));
                continue;
            }
            var ancestor = unit.ParentId is { } parentId ? catalogue.Units[parentId] : null;
            while (ancestor is not null && Chain(catalogue, indicator, ancestor).Count == 0)
                ancestor = ancestor.ParentId is { } id ? catalogue.Units[id] : null;
            rows.Add(new IndicatorTargets(indicator, [], ancestor, ancestor is null ? [] : Chain(catalogue, indicator, ancestor)));
        }
        return rows;
    }

    private static List<Target> Chain(Catalogue catalogue, Indicator indicator, OrgUnit unit) =>
        catalogue.TargetsByIndicatorAndUnit[(indicator.Id, unit.Id)].OrderBy(t => t.TargetYear).ToList();

    // Creates the target, or changes the one of the same indicator, unit and target year.
    public async Task<AdminResult> SaveAsync(UserAccess actor, TargetEdit edit, CancellationToken ct = default)
    {
        var catalogue = await catalogues.GetAsync();
        if (!catalogue.Units.TryGet(edit.UnitId, out var unit) || !actor.CanManageTargets(unit))
            return AdminResult.Failed(OutsideScope());
        var indicator = catalogue.Indicators.FirstOrDefault(i => i.Id == edit.IndicatorId);
        if (indicator is null)
            return AdminResult.Failed(Language.Pick("Không có chỉ tiêu này.", "No such indicator."));
        static string? Text(double? value) => value is { } v ? TargetText.Number(v) : null;
        var row = new TargetRow(1, indicator.Code, Reference(unit), edit.BaselineYear?.ToString(CultureInfo.InvariantCulture), Text(edit.BaselineValue),
            edit.TargetYear.ToString(CultureInfo.InvariantCulture), Text(edit.TargetValue), edit.Source);
        var report = await imports.ImportAsync([row], Context(actor, dryRun: false) with { Reason = "admin" }, ct);
        return report.Succeeded ? AdminResult.Success : new AdminResult(report.Conflicts.Select(c => c.Message).ToList());
    }

    public async Task<AdminResult> DeleteAsync(UserAccess actor, int targetId, CancellationToken ct = default)
    {
        var catalogue = await catalogues.GetAsync();
        await using var db = await factory.CreateDbContextAsync(ct);
        var target = await db.Targets.SingleOrDefaultAsync(t => t.Id == targetId, ct);
        if (target is null || !catalogue.Units.TryGet(target.OrgUnitId, out var unit) || !actor.CanManageTargets(unit))
            return AdminResult.Failed(OutsideScope());
        var indicator = catalogue.Indicators.First(i => i.Id == target.IndicatorId);
        var now = time.GetUtcNow();
        var batch = new AuditBatch { ChangedBy = actor.UserName, ChangedAtUtc = now.UtcDateTime, Reason = "admin" };
        db.AuditBatches.Add(batch);
        db.TargetAudits.Add(new TargetAudit
        {
            Batch = batch, IndicatorId = target.IndicatorId, OrgUnitId = target.OrgUnitId, TargetYear = target.TargetYear, Action = AuditAction.Delete,
            OldBaselineYear = target.BaselineYear, OldBaselineValue = target.BaselineValue, OldTargetValue = target.TargetValue, OldSource = target.Source,
        });
        audit.Add(db, actor, AdminAction.TargetDeleted, TargetText.Subject(indicator, unit, target.TargetYear), unit.Id, TargetText.Describe(target), null);
        db.Targets.Remove(target);
        await db.SaveChangesAsync(ct);
        catalogues.Invalidate();
        notifier.Publish(ChangeSet.ForTargets([indicator.Id], [unit.Id], actor.UserName, now));
        return AdminResult.Success;
    }

    public async Task<(ImportReport Report, IReadOnlyList<TargetImportService.TargetChange> Changes)> PreviewAsync(
        UserAccess actor, IReadOnlyList<TargetRow> rows, CancellationToken ct = default) =>
        actor.CanManageTargets(actor.Scope) ? await imports.PreviewAsync(rows, Context(actor, dryRun: true), ct) : (Refused(), []);

    public async Task<ImportReport> ImportAsync(UserAccess actor, IReadOnlyList<TargetRow> rows, CancellationToken ct = default) =>
        actor.CanManageTargets(actor.Scope) ? await imports.ImportAsync(rows, Context(actor, dryRun: false), ct) : Refused();

    // The targets this user manages, in the columns of a targets file: exporting and importing back changes nothing.
    public async Task<IReadOnlyList<TargetRow>> ExportAsync(UserAccess actor)
    {
        var catalogue = await catalogues.GetAsync();
        var indicators = catalogue.Indicators.ToDictionary(i => i.Id);
        return catalogue.Targets
            .Where(t => actor.CanManageTargets(catalogue.Units[t.OrgUnitId]))
            .Select(t => (Target: t, Unit: catalogue.Units[t.OrgUnitId], Indicator: indicators[t.IndicatorId]))
            .OrderBy(t => t.Indicator.Code, StringComparer.Ordinal).ThenBy(t => t.Unit.Level).ThenBy(t => t.Unit.Code, StringComparer.Ordinal)
            .ThenBy(t => t.Unit.OpeningDate).ThenBy(t => t.Target.TargetYear)
            .Select((t, i) => new TargetRow(i + 2, t.Indicator.Code, ExportReference(catalogue, t.Unit),
                t.Target.BaselineYear?.ToString(CultureInfo.InvariantCulture), t.Target.BaselineValue is { } b ? TargetText.Number(b) : null,
                t.Target.TargetYear.ToString(CultureInfo.InvariantCulture), TargetText.Number(t.Target.TargetValue), t.Target.Source))
            .ToList();
    }

    // A bare code where it names this unit today, else the code at the unit's opening (15@2004-10-01 is the old Yên Bái).
    private string ExportReference(Catalogue catalogue, OrgUnit unit) =>
        catalogue.Units.FindCurrent(unit.Code, VietnamClock.Today(time))?.Id == unit.Id ? unit.Code : Reference(unit);

    private static string Reference(OrgUnit unit) => new OrgUnitReference(unit.Code, unit.OpeningDate).ToString();

    private static ImportContext Context(UserAccess actor, bool dryRun) => new(actor.UserName, actor.ScopeOrNullIfNational?.Id, dryRun);

    private static ImportReport Refused() =>
        new(ImportReport.Error, true, new ImportCount(0, 0, 0, 0), [new ImportConflict(0, "orgunit", null, OutsideScope())]);

    private static string OutsideScope() =>
        Language.Pick("Bạn không được đặt chỉ tiêu cho đơn vị này.", "You may not set targets for this unit.");
}
