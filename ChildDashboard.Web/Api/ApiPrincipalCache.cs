using System.Collections.Concurrent;
using System.Security.Claims;
using ChildDashboard.Core.Services;

namespace ChildDashboard.Web.Api;

// Signed-in API principals by token hash for a minute: building one costs several queries (user,
// roles, claims, scope unit), which a client polling the analytics should not pay every time.
// A revoked token is dropped at once, and one revoked while its principal was being built is not
// added; a change of role or scope reaches API clients within a minute.
public sealed class ApiPrincipalCache
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (ClaimsPrincipal Principal, DateTimeOffset Until)> _principals = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _revoked = new();
    private readonly TimeProvider _time;

    public ApiPrincipalCache(ApiTokenService tokens, TimeProvider time)
    {
        _time = time;
        tokens.Revoked += hash =>
        {
            _revoked[hash] = _time.GetUtcNow();
            _principals.TryRemove(hash, out _);
        };
    }

    public ClaimsPrincipal? Find(string tokenHash) =>
        _principals.TryGetValue(tokenHash, out var entry) && entry.Until > _time.GetUtcNow() ? entry.Principal : null;

    public void Add(string tokenHash, ClaimsPrincipal principal, DateTime tokenExpiresUtc)
    {
        var now = _time.GetUtcNow();
        var until = now + Lifetime;
        _principals[tokenHash] = (principal, until < tokenExpiresUtc ? until : new DateTimeOffset(tokenExpiresUtc, TimeSpan.Zero));
        // Checked after adding: a revoke that raced with this sign-in removes the entry again.
        if (_revoked.ContainsKey(tokenHash))
            _principals.TryRemove(tokenHash, out _);
        foreach (var (hash, at) in _revoked)
        {
            if (now - at > Lifetime)
                _revoked.TryRemove(hash, out _);
        }
    }
}
