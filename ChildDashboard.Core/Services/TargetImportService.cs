using System.Globalization;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Services;

// Targets from a file: a row with the same indicator, unit and target year replaces the old one;
// any conflict writes nothing (exchange.md §3–4).
public sealed class TargetImportService(
    IDbContextFactory<AppDbContext> factory, CatalogueCache catalogues, DataChangeNotifier notifier, TimeProvider time)
{
    private sealed record CheckedTarget(int Row, Indicator Indicator, OrgUnit Unit, int? BaselineYear, double? BaselineValue, int TargetYear, double TargetValue, string? Source);

    public async Task<ImportReport> ImportAsync(IReadOnlyList<TargetRow> rows, ImportContext context, CancellationToken ct = default)
    {
        var catalogue = await catalogues.GetAsync();
        var scope = context.ScopeUnitId is { } scopeId ? catalogue.Units[scopeId] : null;
        var today = VietnamClock.Today(time);
        var conflicts = new List<ImportConflict>();
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
        if (conflicts.Count > 0)
            return ImportReport.Failed(context.DryRun, conflicts);

        await using var db = await factory.CreateDbContextAsync(ct);
        var existing = await db.Targets.ToDictionaryAsync(t => (t.IndicatorId, t.OrgUnitId, t.TargetYear), ct);
        int imported = 0, updated = 0, ignored = 0;
        foreach (var t in targets)
        {
            if (!existing.TryGetValue((t.Indicator.Id, t.Unit.Id, t.TargetYear), out var target))
            {
                db.Targets.Add(new Target
                {
                    IndicatorId = t.Indicator.Id, OrgUnitId = t.Unit.Id, TargetYear = t.TargetYear, TargetValue = t.TargetValue,
                    BaselineYear = t.BaselineYear, BaselineValue = t.BaselineValue, Source = t.Source,
                });
                imported++;
            }
            else if (target.TargetValue == t.TargetValue && target.BaselineYear == t.BaselineYear && target.BaselineValue == t.BaselineValue && target.Source == t.Source)
            {
                ignored++;
            }
            else
            {
                (target.TargetValue, target.BaselineYear, target.BaselineValue, target.Source) = (t.TargetValue, t.BaselineYear, t.BaselineValue, t.Source);
                updated++;
            }
        }
        var count = new ImportCount(imported, updated, 0, ignored);
        if (context.DryRun || imported + updated == 0)
            return new ImportReport(ImportReport.Success, context.DryRun, count, []);

        await db.SaveChangesAsync(ct);
        catalogues.Invalidate();
        notifier.Publish(ChangeSet.ForTargets(
            targets.Select(t => t.Indicator.Id).Distinct(), targets.Select(t => t.Unit.Id).Distinct(), context.UserName, time.GetUtcNow()));
        return new ImportReport(ImportReport.Success, false, count, []);
    }

    private static CheckedTarget? Check(TargetRow row, Catalogue catalogue, OrgUnit? scope, DateOnly today, List<ImportConflict> conflicts)
    {
        ImportConflict Conflict(string column, string? value, string vi, string en) => new(row.Row, column, value, Language.Pick(vi, en));

        if (string.IsNullOrWhiteSpace(row.Indicator) || !catalogue.IndicatorsByCode.TryGetValue(row.Indicator, out var indicator))
        {
            conflicts.Add(Conflict("indicator", row.Indicator, $"Chỉ tiêu '{row.Indicator}' không tồn tại.", $"Unknown indicator '{row.Indicator}'."));
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
            conflicts.Add(Conflict("orgunit", row.OrgUnit, $"Không tìm thấy đơn vị '{row.OrgUnit}'.", $"No unit '{row.OrgUnit}'."));
            return null;
        }
        if (scope is not null && !catalogue.Units.IsWithin(unit, scope))
        {
            conflicts.Add(Conflict("orgunit", row.OrgUnit, $"Đơn vị '{row.OrgUnit}' nằm ngoài phạm vi của bạn.", $"Unit '{row.OrgUnit}' is outside your scope."));
            return null;
        }
        if (!TryYear(row.TargetYear, out var targetYear) || targetYear is null)
        {
            conflicts.Add(Conflict("target_year", row.TargetYear, "Năm mục tiêu phải là một năm (ví dụ 2030).", "The target year must be a year (e.g. 2030)."));
            return null;
        }
        if (!TryNumber(row.TargetValue, out var targetValue) || targetValue is null)
        {
            conflicts.Add(Conflict("target_value", row.TargetValue, "Giá trị mục tiêu phải là một số không âm.", "The target value must be a non-negative number."));
            return null;
        }
        if (!TryYear(row.BaselineYear, out var baselineYear))
        {
            conflicts.Add(Conflict("baseline_year", row.BaselineYear, "Năm cơ sở phải là một năm.", "The baseline year must be a year."));
            return null;
        }
        if (!TryNumber(row.BaselineValue, out var baselineValue))
        {
            conflicts.Add(Conflict("baseline_value", row.BaselineValue, "Giá trị cơ sở phải là một số không âm.", "The baseline value must be a non-negative number."));
            return null;
        }
        if ((baselineYear is null) != (baselineValue is null))
        {
            conflicts.Add(Conflict(baselineYear is null ? "baseline_year" : "baseline_value", null,
                "Cần cả năm và giá trị cơ sở, hoặc để trống cả hai.", "Give both the baseline year and value, or neither."));
            return null;
        }
        return new CheckedTarget(row.Row, indicator, unit, baselineYear, baselineValue, targetYear.Value, targetValue.Value,
            string.IsNullOrWhiteSpace(row.Source) ? null : row.Source.Trim());
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

    private static bool TryNumber(string? text, out double? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n))
        {
            number = n;
            return true;
        }
        return false;
    }
}
