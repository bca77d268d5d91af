using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Services;

// Every user's API tokens for administrators (a province administrator: those of its province's
// users), and revoking any of them with an audit row.
public sealed class TokenAdministrationService(
    IDbContextFactory<AppDbContext> factory, CatalogueCache catalogues, AdminAuditLog audit, ApiTokenService tokens, TimeProvider time)
{
    public sealed record TokenRow(int Id, string Name, string Prefix, string OwnerUserName, DateTime CreatedAtUtc, DateTime ExpiresAtUtc,
        DateTime? RevokedAtUtc, DateTime? LastUsedAtUtc, bool IsActive);

    public async Task<IReadOnlyList<TokenRow>> ListAsync(UserAccess actor, CancellationToken ct = default)
    {
        if (!actor.CanAdminister(actor.Scope))
            return [];
        var catalogue = await catalogues.GetAsync();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await (from token in db.ApiTokens.AsNoTracking()
                          join user in db.Users.AsNoTracking() on token.UserId equals user.Id
                          orderby token.CreatedAtUtc descending
                          select new { Token = token, user.UserName, user.ScopeOrgUnitId }).ToListAsync(ct);
        return rows
            .Where(r => catalogue.Units.TryGet(r.ScopeOrgUnitId, out var unit) && actor.CanAdminister(unit))
            .Select(r => new TokenRow(r.Token.Id, r.Token.Name, r.Token.Prefix, r.UserName ?? "", r.Token.CreatedAtUtc, r.Token.ExpiresAtUtc,
                r.Token.RevokedAtUtc, r.Token.LastUsedAtUtc, r.Token.IsActive(now)))
            .ToList();
    }

    public async Task<AdminResult> RevokeAsync(UserAccess actor, int tokenId, CancellationToken ct = default)
    {
        var catalogue = await catalogues.GetAsync();
        await using var db = await factory.CreateDbContextAsync(ct);
        var found = await (from token in db.ApiTokens
                           join user in db.Users on token.UserId equals user.Id
                           where token.Id == tokenId
                           select new { Token = token, user.UserName, user.ScopeOrgUnitId }).SingleOrDefaultAsync(ct);
        if (found is null || !catalogue.Units.TryGet(found.ScopeOrgUnitId, out var unit) || !actor.CanAdminister(unit))
            return AdminResult.Failed(Language.Pick("Không tìm thấy mã truy cập này trong phạm vi của bạn.", "No such token within your scope."));
        if (found.Token.RevokedAtUtc is not null)
            return AdminResult.Success;
        found.Token.RevokedAtUtc = time.GetUtcNow().UtcDateTime;
        audit.Add(db, actor, AdminAction.TokenRevoked, $"{found.Token.Name} ({found.Token.Prefix}…) · {found.UserName}", unit.Id, "active", "revoked");
        await db.SaveChangesAsync(ct);
        tokens.AnnounceRevoked(found.Token.Hash);
        return AdminResult.Success;
    }
}
