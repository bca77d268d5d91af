using System.Security.Cryptography;
using System.Text;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Services;

// Personal access tokens: created on the profile page, hashed at rest, revocable, with an expiry.
public sealed class ApiTokenService(IDbContextFactory<AppDbContext> factory, TimeProvider time)
{
    // Raised with the token's hash when it is revoked, so that caches of signed-in tokens drop it.
    public event Action<string>? Revoked;

    private const string TokenPrefix = "cdt_";
    public static readonly IReadOnlyList<int> ExpiryDays = [30, 90, 365];

    public sealed record TokenInfo(int Id, string Name, string Prefix, DateTime CreatedAtUtc, DateTime ExpiresAtUtc, DateTime? RevokedAtUtc, DateTime? LastUsedAtUtc, bool IsActive);

    public sealed record CreatedToken(string Token, TokenInfo Info);

    public async Task<CreatedToken> CreateAsync(string userId, string name, int days, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
            throw new ArgumentException("A token needs a name of at most 100 characters.", nameof(name));
        if (!ExpiryDays.Contains(days))
            throw new ArgumentOutOfRangeException(nameof(days), days, "A token expires after 30, 90 or 365 days.");

        var token = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow().UtcDateTime;
        var entity = new ApiToken
        {
            UserId = userId, Name = name.Trim(), Hash = Hash(token), Prefix = token[..(TokenPrefix.Length + 6)],
            CreatedAtUtc = now, ExpiresAtUtc = now.AddDays(days),
        };
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ApiTokens.Add(entity);
        await db.SaveChangesAsync(ct);
        return new CreatedToken(token, Info(entity, now));
    }

    public async Task<IReadOnlyList<TokenInfo>> ListAsync(string userId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAtUtc).ToListAsync(ct);
        return tokens.Select(t => Info(t, now)).ToList();
    }

    public async Task<bool> RevokeAsync(string userId, int tokenId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null || token.RevokedAtUtc is not null)
            return false;
        token.RevokedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        Revoked?.Invoke(token.Hash);
        return true;
    }

    // For a revocation written elsewhere (an administrator's, with its audit row): caches drop the token.
    public void AnnounceRevoked(string hash) => Revoked?.Invoke(hash);

    public sealed record TokenOwner(string UserId, DateTime ExpiresAtUtc);

    // The user a presented token belongs to, or null when it is unknown, revoked or expired.
    public async Task<TokenOwner?> FindOwnerAsync(string token, CancellationToken ct = default)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal))
            return null;
        var hash = Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var entity = await ByHash(db, hash).SingleOrDefaultAsync(ct);
        if (entity is null || !entity.IsActive(now))
            return null;
        // Written at most once a minute, so that a busy client does not turn every read into a write.
        if (entity.LastUsedAtUtc is not { } last || now - last > TimeSpan.FromMinutes(1))
        {
            entity.LastUsedAtUtc = now;
            await db.SaveChangesAsync(ct);
        }
        return new TokenOwner(entity.UserId, entity.ExpiresAtUtc);
    }

    internal static IQueryable<ApiToken> ByHash(AppDbContext db, string hash) => db.ApiTokens.Where(t => t.Hash == hash);

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static TokenInfo Info(ApiToken t, DateTime now) =>
        new(t.Id, t.Name, t.Prefix, t.CreatedAtUtc, t.ExpiresAtUtc, t.RevokedAtUtc, t.LastUsedAtUtc, t.IsActive(now));
}
