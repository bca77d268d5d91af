using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Services;

// The units page: the tree with its history is reference data (provinces.tsv) and is read from the
// catalogue; only a unit's names change here, by a national administrator, with an audit row.
public sealed class UnitAdministrationService(
    IDbContextFactory<AppDbContext> factory, CatalogueCache catalogues, AdminAuditLog audit, DataChangeNotifier notifier, TimeProvider time)
{
    public async Task<AdminResult> RenameAsync(UserAccess actor, int unitId, string nameVi, string nameEn, CancellationToken ct = default)
    {
        if (!actor.CanAdministerSystem)
            return AdminResult.Failed(Language.Pick("Chỉ quản trị viên cấp quốc gia được đổi tên đơn vị.", "Only national administrators may rename units."));
        (nameVi, nameEn) = (nameVi.Trim(), nameEn.Trim());
        if (nameVi.Length is 0 or > 200 || nameEn.Length is 0 or > 200 || (nameVi + nameEn).Any(char.IsControl))
            return AdminResult.Failed(Language.Pick("Cần tên tiếng Việt và tiếng Anh, mỗi tên từ 1 đến 200 ký tự.", "Both names (Vietnamese and English) are required, 1 to 200 characters each."));
        await using var db = await factory.CreateDbContextAsync(ct);
        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null)
            return AdminResult.Failed(Language.Pick("Không có đơn vị này.", "No such unit."));
        if (unit.NameVi == nameVi && unit.NameEn == nameEn)
            return AdminResult.Success;
        audit.Add(db, actor, AdminAction.UnitRenamed, $"{unit.Code}@{unit.OpeningDate:yyyy-MM-dd}", unit.Id, $"{unit.NameVi} | {unit.NameEn}", $"{nameVi} | {nameEn}");
        (unit.NameVi, unit.NameEn) = (nameVi, nameEn);
        await db.SaveChangesAsync(ct);
        catalogues.Invalidate();
        var catalogue = await catalogues.GetAsync();
        notifier.Publish(ChangeSet.ForTargets(catalogue.Indicators.Select(i => i.Id), [unitId], actor.UserName, time.GetUtcNow()));
        return AdminResult.Success;
    }
}
