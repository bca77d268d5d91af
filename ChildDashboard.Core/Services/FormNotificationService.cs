using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Services;

// The in-app notices of the workflow: a submitted form tells the leaders who may approve it; an
// approved, returned or reopened one tells the data-entry staff of its province. Each user reads
// their own list and unread count; Changed lets open badges refresh.
public sealed class FormNotificationService(IDbContextFactory<AppDbContext> factory)
{
    public const int ListLength = 20;

    public event Action? Changed;

    public void Announce() => Changed?.Invoke();

    // Adds the notices of one step to the step's own transaction.
    internal static async Task AddAsync(
        AppDbContext db, Catalogue catalogue, ReportForm form, OrgUnit unit, FormAction action, string fromUser, string? message, DateTime now,
        CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.UserName, u.ScopeOrgUnitId }).ToListAsync(ct);
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name ?? "");
        foreach (var user in users)
        {
            if (user.UserName is null || user.UserName == fromUser || !catalogue.Units.TryGet(user.ScopeOrgUnitId, out var scope))
                continue;
            var access = new UserAccess(user.UserName, roles[user.Id], scope, catalogue.Units);
            var addressed = action == FormAction.Submit
                ? access.IsLeader && access.CanApprove(unit)
                : access.IsDataEntry && access.CanEnterData(unit);
            if (!addressed)
                continue;
            db.FormNotifications.Add(new FormNotification
            {
                UserName = user.UserName, ReportFormId = form.Id, OrgUnitId = unit.Id, Period = form.Period, Action = action,
                FromUser = fromUser, Message = message, AtUtc = now,
            });
        }
    }

    public async Task<int> UnreadCountAsync(string userName, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.FormNotifications.CountAsync(n => n.UserName == userName && n.ReadAtUtc == null, ct);
    }

    public async Task<IReadOnlyList<FormNotification>> LatestAsync(string userName, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.FormNotifications.AsNoTracking().Where(n => n.UserName == userName)
            .OrderByDescending(n => n.Id).Take(ListLength).ToListAsync(ct);
    }

    public async Task MarkAllReadAsync(string userName, DateTime now, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.FormNotifications.Where(n => n.UserName == userName && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
        Announce();
    }
}
