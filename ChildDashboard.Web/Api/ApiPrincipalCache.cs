using System.Collections.Concurrent;
using System.Security.Claims;
using ChildDashboard.Core.Services;

namespace ChildDashboard.Web.Api;

// Signed-in API principals by token hash for a minute: building one costs several queries (user,
// roles, claims, scope unit), which a client polling the analytics should not pay every time.
// A revoked token is dropped at once; a change of role or scope reaches API clients within a minute.
public sealed class ApiPrincipalCache
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (ClaimsPrincipal Principal, DateTimeOffset Until)> _principals = new();
    private readonly TimeProvider _time;

    public ApiPrincipalCache(ApiTokenService tokens, TimeProvider time)
    {
        _time = time;
        tokens.Revoked += hash => _principals.TryRemove(hash, out _);
    }

    public ClaimsPrincipal? Find(string tokenHash) =>
        _principals.TryGetValue(tokenHash, out var entry) && entry.Until > _time.GetUtcNow() ? entry.Principal : null;

    public void Add(string tokenHash, ClaimsPrincipal principal, DateTime tokenExpiresUtc)
    {
        var until = _time.GetUtcNow() + Lifetime;
        _principals[tokenHash] = (principal, until < tokenExpiresUtc ? until : new DateTimeOffset(tokenExpiresUtc, TimeSpan.Zero));
    }
}
