using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Services;

// The signed-in browsers of each user (UserSession). The sign-in cookie is checked against its row
// on every request; a check is remembered for a few seconds, so a busy page costs one small read
// per session every few seconds and one write a minute (last seen). Ending a session removes its
// row: this server refuses the cookie at once, every other server within CheckLifetime.
public sealed class UserSessionService(IDbContextFactory<AppDbContext> factory, TimeProvider time)
{
    public const int MaxUserAgentLength = 300;
    // As long as the sign-in cookie lives without use (it slides); a row idle for longer is dead.
    public static readonly TimeSpan IdleLimit = TimeSpan.FromHours(12);
    public static readonly TimeSpan CheckLifetime = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (string UserId, DateTimeOffset CheckedAt)> _alive = new();

    public sealed record SessionInfo(string Id, string? UserAgent, string? Address, DateTime SignedInAtUtc, DateTime LastSeenAtUtc);

    public async Task<string> StartAsync(string userId, string? userAgent, string? address, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var session = new UserSession
        {
            Id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            UserId = userId,
            UserAgent = userAgent is { Length: > MaxUserAgentLength } ? userAgent[..MaxUserAgentLength] : userAgent,
            Address = address,
            SignedInAtUtc = now,
            LastSeenAtUtc = now,
        };
        await using var db = await factory.CreateDbContextAsync(ct);
        // A user's dead sessions go when they sign in again, so the table holds live ones only.
        var dead = now - IdleLimit;
        await db.UserSessions.Where(s => s.UserId == userId && s.LastSeenAtUtc < dead).ExecuteDeleteAsync(ct);
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    // Whether the cookie naming this session (and user) may still sign in; notes that it was seen.
    public async Task<bool> IsActiveAsync(string sessionId, string userId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        if (_alive.TryGetValue(sessionId, out var known) && known.UserId == userId && now - known.CheckedAt < CheckLifetime)
            return true;
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.UserSessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.UserId, s.LastSeenAtUtc }).SingleOrDefaultAsync(ct);
        if (row is null || row.UserId != userId || row.LastSeenAtUtc < now.UtcDateTime - IdleLimit - TouchInterval)
        {
            _alive.TryRemove(sessionId, out _);
            return false;
        }
        if (now.UtcDateTime - row.LastSeenAtUtc > TouchInterval)
            await TouchAsync(db, sessionId, now.UtcDateTime, ct);
        _alive[sessionId] = (userId, now);
        return true;
    }

    public async Task<IReadOnlyList<SessionInfo>> ListAsync(string userId, CancellationToken ct = default)
    {
        var dead = time.GetUtcNow().UtcDateTime - IdleLimit;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.LastSeenAtUtc >= dead)
            .OrderByDescending(s => s.LastSeenAtUtc)
            .Select(s => new SessionInfo(s.Id, s.UserAgent, s.Address, s.SignedInAtUtc, s.LastSeenAtUtc))
            .ToListAsync(ct);
    }

    // Only the user's own session: another user's id ends nothing.
    public Task<int> EndAsync(string userId, string sessionId, CancellationToken ct = default) =>
        EndWhereAsync(userId, s => s.Id == sessionId, ct);

    public Task<int> EndOthersAsync(string userId, string keepSessionId, CancellationToken ct = default) =>
        EndWhereAsync(userId, s => s.Id != keepSessionId, ct);

    public Task<int> EndAllAsync(string userId, CancellationToken ct = default) =>
        EndWhereAsync(userId, _ => true, ct);

    private async Task<int> EndWhereAsync(string userId, System.Linq.Expressions.Expression<Func<UserSession, bool>> which, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ended = await db.UserSessions.Where(s => s.UserId == userId).Where(which).Select(s => s.Id).ToListAsync(ct);
        if (ended.Count == 0)
            return 0;
        var count = await db.UserSessions.Where(s => s.UserId == userId && ended.Contains(s.Id)).ExecuteDeleteAsync(ct);
        foreach (var id in ended)
            _alive.TryRemove(id, out _);
        return count;
    }

    // "Last seen" is a courtesy: a busy database may skip it; the next check writes it.
    private static async Task TouchAsync(AppDbContext db, string sessionId, DateTime now, CancellationToken ct)
    {
        try
        {
            await db.UserSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAtUtc, now), ct);
        }
        catch (DbException)
        {
        }
    }
}
