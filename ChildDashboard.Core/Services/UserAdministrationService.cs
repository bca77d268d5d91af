using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Core.Services;

// Users managed by administrators: list, create, disable and enable, reset a password, change the
// role and the scope unit. Each change is checked against the administrator's UserAccess (a
// province administrator only touches users and units within its province), written with its
// audit row in one transaction, and ends the user's sessions where their rights changed (a new
// security stamp). Each call takes its own scope, so a long-lived page holds no tracked users.
public sealed class UserAdministrationService(IServiceScopeFactory scopes, CatalogueCache catalogues, AdminAuditLog audit)
{
    public sealed record UserRow(string Id, string UserName, string DisplayName, string? Role, OrgUnit Scope, bool IsDisabled, bool TwoFactorEnabled);

    public sealed record NewUser(string UserName, string DisplayName, string Role, int ScopeOrgUnitId, string Password);

    public async Task<IReadOnlyList<UserRow>> ListAsync(UserAccess actor, CancellationToken ct = default)
    {
        if (!actor.CanAdminister(actor.Scope))
            return [];
        var catalogue = await catalogues.GetAsync();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var roles = await (from link in db.UserRoles join role in db.Roles on link.RoleId equals role.Id select new { link.UserId, role.Name })
            .ToListAsync(ct);
        var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.Name).Order(StringComparer.Ordinal).First());
        var now = DateTimeOffset.UtcNow;
        var rows = new List<UserRow>();
        foreach (var user in users)
        {
            if (catalogue.Units.TryGet(user.ScopeOrgUnitId, out var unit) && actor.CanAdminister(unit))
                rows.Add(new UserRow(user.Id, user.UserName ?? "", user.DisplayName, roleOf.GetValueOrDefault(user.Id), unit,
                    user.LockoutEnd is { } end && end > now, user.TwoFactorEnabled));
        }
        return rows;
    }

    public async Task<AdminResult> CreateAsync(UserAccess actor, NewUser request, CancellationToken ct = default)
    {
        var catalogue = await catalogues.GetAsync();
        var errors = new List<string>();
        var userName = request.UserName.Trim();
        var displayName = request.DisplayName.Trim();
        if (userName.Length is 0 or > 64)
            errors.Add(Language.Pick("Tên đăng nhập cần từ 1 đến 64 ký tự.", "The user name needs 1 to 64 characters."));
        if (displayName.Length is 0 or > 100)
            errors.Add(Language.Pick("Tên hiển thị cần từ 1 đến 100 ký tự.", "The display name needs 1 to 100 characters."));
        if (!Roles.All.Contains(request.Role))
            errors.Add(UnknownRole());
        if (!catalogue.Units.TryGet(request.ScopeOrgUnitId, out var unit) || !actor.CanAdminister(unit))
            errors.Add(OutsideScope());
        if (errors.Count > 0)
            return new AdminResult(errors);

        return await ChangeAsync(actor, null, async (users, db, _) =>
        {
            var user = new AppUser { UserName = userName, DisplayName = displayName, ScopeOrgUnitId = unit!.Id, LockoutEnabled = true };
            var created = await users.CreateAsync(user, request.Password);
            if (!created.Succeeded)
                return Failed(created);
            var added = await users.AddToRoleAsync(user, request.Role);
            if (!added.Succeeded)
                return Failed(added);
            audit.Add(db, actor, AdminAction.UserCreated, userName, unit.Id, null, $"{request.Role} · {AdminAuditLog.Describe(unit)}");
            return AdminResult.Success;
        }, ct);
    }

    public Task<AdminResult> SetDisabledAsync(UserAccess actor, string userId, bool disabled, CancellationToken ct = default) =>
        ChangeAsync(actor, userId, async (users, db, user) =>
        {
            if (user.UserName == actor.UserName)
                return AdminResult.Failed(Language.Pick("Bạn không thể tự khoá tài khoản của mình.", "You cannot disable your own account."));
            var isDisabled = await users.IsLockedOutAsync(user);
            if (isDisabled == disabled)
                return AdminResult.Success;
            await users.SetLockoutEnabledAsync(user, true);
            var result = await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null);
            if (!result.Succeeded)
                return Failed(result);
            // Open sessions of a disabled user end at the next check of the stamp.
            await users.UpdateSecurityStampAsync(user);
            audit.Add(db, actor, disabled ? AdminAction.UserDisabled : AdminAction.UserEnabled, user.UserName ?? "", user.ScopeOrgUnitId,
                disabled ? "enabled" : "disabled", disabled ? "disabled" : "enabled");
            return AdminResult.Success;
        }, ct);

    public Task<AdminResult> ResetPasswordAsync(UserAccess actor, string userId, string newPassword, CancellationToken ct = default) =>
        ChangeAsync(actor, userId, async (users, db, user) =>
        {
            // Checked before the old password is removed, so that a refused one leaves the account as it was.
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, user, newPassword);
                if (!check.Succeeded)
                    return Failed(check);
            }
            if (await users.HasPasswordAsync(user))
                await users.RemovePasswordAsync(user);
            var result = await users.AddPasswordAsync(user, newPassword);
            if (!result.Succeeded)
                return Failed(result);
            await users.UpdateSecurityStampAsync(user);
            // The passwords themselves are never logged.
            audit.Add(db, actor, AdminAction.PasswordReset, user.UserName ?? "", user.ScopeOrgUnitId, null, null);
            return AdminResult.Success;
        }, ct);

    public Task<AdminResult> ChangeRoleAsync(UserAccess actor, string userId, string role, CancellationToken ct = default) =>
        ChangeAsync(actor, userId, async (users, db, user) =>
        {
            if (!Roles.All.Contains(role))
                return AdminResult.Failed(UnknownRole());
            var old = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
            if (old.SequenceEqual([role]))
                return AdminResult.Success;
            if (user.UserName == actor.UserName)
                return AdminResult.Failed(Language.Pick("Bạn không thể đổi vai trò của chính mình.", "You cannot change your own role."));
            var removed = await users.RemoveFromRolesAsync(user, old);
            if (!removed.Succeeded)
                return Failed(removed);
            var added = await users.AddToRoleAsync(user, role);
            if (!added.Succeeded)
                return Failed(added);
            await users.UpdateSecurityStampAsync(user);
            audit.Add(db, actor, AdminAction.RoleChanged, user.UserName ?? "", user.ScopeOrgUnitId, string.Join(", ", old), role);
            return AdminResult.Success;
        }, ct);

    public async Task<AdminResult> ChangeScopeAsync(UserAccess actor, string userId, int unitId, CancellationToken ct = default)
    {
        var catalogue = await catalogues.GetAsync();
        if (!catalogue.Units.TryGet(unitId, out var unit) || !actor.CanAdminister(unit))
            return AdminResult.Failed(OutsideScope());
        return await ChangeAsync(actor, userId, async (users, db, user) =>
        {
            if (user.ScopeOrgUnitId == unit.Id)
                return AdminResult.Success;
            if (user.UserName == actor.UserName)
                return AdminResult.Failed(Language.Pick("Bạn không thể đổi phạm vi của chính mình.", "You cannot change your own scope."));
            var old = catalogue.Units.TryGet(user.ScopeOrgUnitId, out var previous) ? AdminAuditLog.Describe(previous) : null;
            user.ScopeOrgUnitId = unit.Id;
            var result = await users.UpdateAsync(user);
            if (!result.Succeeded)
                return Failed(result);
            await users.UpdateSecurityStampAsync(user);
            // Recorded under the new unit, and visible to the old unit's administrator through the old row.
            audit.Add(db, actor, AdminAction.ScopeChanged, user.UserName ?? "", unit.Id, old, AdminAuditLog.Describe(unit));
            return AdminResult.Success;
        }, ct);
    }

    // Loads the user (when one is named), checks the administrator may touch them, runs the change
    // and its audit row in one transaction, and commits only when the change succeeded.
    private async Task<AdminResult> ChangeAsync(
        UserAccess actor, string? userId, Func<UserManager<AppUser>, AppDbContext, AppUser, Task<AdminResult>> change, CancellationToken ct)
    {
        var catalogue = await catalogues.GetAsync();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        AppUser user = null!;
        if (userId is not null)
        {
            user = await users.FindByIdAsync(userId) ?? throw new KeyNotFoundException(userId);
            if (!catalogue.Units.TryGet(user.ScopeOrgUnitId, out var current) || !actor.CanAdminister(current))
                return AdminResult.Failed(OutsideScope());
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await change(users, db, user);
        if (!result.Succeeded)
            return result;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    private static AdminResult Failed(IdentityResult result) => new(result.Errors.Select(e => e.Description).ToList());

    private static string UnknownRole() => Language.Pick("Vai trò không hợp lệ.", "Unknown role.");

    private static string OutsideScope() => Language.Pick(
        "Đơn vị này nằm ngoài phạm vi quản trị của bạn.", "This unit is outside the scope you administer.");
}
