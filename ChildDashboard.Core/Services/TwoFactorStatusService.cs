using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Services;

// What the profile page says about a user's two-factor sign-in, read without a UserManager (whose
// scoped context must not live as long as a circuit). Identity keeps the unused recovery codes as
// one token row, separated by semicolons.
public sealed class TwoFactorStatusService(IDbContextFactory<AppDbContext> factory)
{
    private const string IdentityStoreProvider = "[AspNetUserStore]";
    private const string RecoveryCodesName = "RecoveryCodes";

    public sealed record TwoFactorStatus(bool Enabled, int RecoveryCodesLeft);

    public async Task<TwoFactorStatus> GetAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var enabled = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleOrDefaultAsync(ct);
        var codes = await db.UserTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.LoginProvider == IdentityStoreProvider && t.Name == RecoveryCodesName)
            .Select(t => t.Value).SingleOrDefaultAsync(ct);
        return new TwoFactorStatus(enabled, string.IsNullOrEmpty(codes) ? 0 : codes.Split(';', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
