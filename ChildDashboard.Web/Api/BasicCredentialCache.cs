using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Web.Api;

// Verified HTTP Basic credentials for a minute: checking a password is a deliberately slow hash
// (PBKDF2), which a script polling with Basic should not pay on every request. The key is an HMAC
// of user name and password under a key made at start, so the cache never holds a password, and
// only a credential that was checked gets in (a wrong password always reaches Identity and counts
// toward lock-out). Identity gives the user a new ConcurrencyStamp on every change (password,
// roles, lock-out, failed attempts), so a hit is used only while the stored stamp is unchanged.
public sealed class BasicCredentialCache(IDbContextFactory<AppDbContext> factory, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, (ClaimsPrincipal Principal, string UserId, string? Stamp, DateTimeOffset Until)> _entries = new();

    public async Task<ClaimsPrincipal?> FindAsync(string userName, string password, CancellationToken ct)
    {
        var key = KeyOf(userName, password);
        if (!_entries.TryGetValue(key, out var entry))
            return null;
        if (entry.Until > time.GetUtcNow() && entry.Stamp is not null)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var stamp = await db.Users.AsNoTracking().Where(u => u.Id == entry.UserId).Select(u => u.ConcurrencyStamp).SingleOrDefaultAsync(ct);
            if (stamp == entry.Stamp)
                return entry.Principal;
        }
        _entries.TryRemove(KeyValuePair.Create(key, entry));
        return null;
    }

    // The stamp must be the one read with the password hash that was checked: a change made since
    // then has a newer stamp, so the entry is never used.
    public void Add(string userName, string password, AppUser user, ClaimsPrincipal principal)
    {
        var now = time.GetUtcNow();
        foreach (var old in _entries)
        {
            if (old.Value.Until <= now)
                _entries.TryRemove(old);
        }
        _entries[KeyOf(userName, password)] = (principal, user.Id, user.ConcurrencyStamp, now + Lifetime);
    }

    // A user name has no colon (Basic splits at the first one), so "name:password" is unambiguous.
    private string KeyOf(string userName, string password) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{userName}:{password}")));
}
