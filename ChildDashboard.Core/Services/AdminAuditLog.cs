using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Services;

// The administrators' audit log: written in the same transaction as the change it records, read
// newest first; a province administrator reads the changes within their province only.
public sealed class AdminAuditLog(IDbContextFactory<AppDbContext> factory, CatalogueCache catalogues, TimeProvider time)
{
    public const int PageSize = 500;

    public void Add(AppDbContext db, UserAccess actor, AdminAction action, string target, int? unitId, string? oldValue, string? newValue) =>
        Add(db, actor.UserName, action, target, unitId, oldValue, newValue);

    // For changes that arrive under a user name only (a targets file through the API).
    public void Add(AppDbContext db, string actor, AdminAction action, string target, int? unitId, string? oldValue, string? newValue) =>
        db.AdminAudits.Add(new AdminAudit
        {
            AtUtc = time.GetUtcNow().UtcDateTime, Actor = actor, Action = action, Target = Shorten(target, 300),
            TargetOrgUnitId = unitId, OldValue = oldValue is null ? null : Shorten(oldValue, 2000), NewValue = newValue is null ? null : Shorten(newValue, 2000),
        });

    private static string Shorten(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    public async Task<IReadOnlyList<AdminAudit>> ListAsync(UserAccess actor, CancellationToken ct = default)
    {
        if (!actor.CanAdminister(actor.Scope))
            return [];
        var catalogue = await catalogues.GetAsync();
        await using var db = await factory.CreateDbContextAsync(ct);
        var newestFirst = db.AdminAudits.AsNoTracking().OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id);
        if (actor.CanAdministerSystem)
            return await newestFirst.Take(PageSize).ToListAsync(ct);
        // The units a province administrator administers, with their history (few: one province).
        var units = catalogue.Units.All.Where(actor.CanAdminister).Select(u => (int?)u.Id).ToList();
        return await newestFirst.Where(a => units.Contains(a.TargetOrgUnitId)).Take(PageSize).ToListAsync(ct);
    }

    // How a unit reads in the log: its code and name, with its opening date when the code was reused.
    public static string Describe(OrgUnit unit) => $"{unit.Code} {unit.NameVi}";
}
