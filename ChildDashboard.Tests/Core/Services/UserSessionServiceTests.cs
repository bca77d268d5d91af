using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Services;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Tests.Core.Services;

public class UserSessionServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private UserSessionService _sessions = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.CreateDbContext();
        var nation = await db.OrgUnits.SingleAsync(u => u.Code == "VN");
        db.Users.AddRange(
            new AppUser { Id = "lan", UserName = "lan", DisplayName = "Lan", ScopeOrgUnitId = nation.Id },
            new AppUser { Id = "minh", UserName = "minh", DisplayName = "Minh", ScopeOrgUnitId = nation.Id });
        await db.SaveChangesAsync();
        _sessions = new UserSessionService(_database, _database.Time);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ASessionIsActiveUntilItsOwnerEndsIt()
    {
        var id = await _sessions.StartAsync("lan", "Firefox", "203.0.113.9");

        Assert.True(await _sessions.IsActiveAsync(id, "lan"));
        Assert.False(await _sessions.IsActiveAsync(id, "minh"));
        Assert.Equal(0, await _sessions.EndAsync("minh", id));
        Assert.True(await _sessions.IsActiveAsync(id, "lan"));
        Assert.Equal(1, await _sessions.EndAsync("lan", id));
        Assert.False(await _sessions.IsActiveAsync(id, "lan"));
    }

    [Fact]
    public async Task EndingTheOthersKeepsTheCurrentSessionAndOtherUsers()
    {
        var current = await _sessions.StartAsync("lan", "Chrome", null);
        await _sessions.StartAsync("lan", "Phone", null);
        await _sessions.StartAsync("lan", "Tablet", null);
        var minh = await _sessions.StartAsync("minh", "Edge", null);

        Assert.Equal(2, await _sessions.EndOthersAsync("lan", current));

        Assert.Equal([current], (await _sessions.ListAsync("lan")).Select(s => s.Id));
        Assert.True(await _sessions.IsActiveAsync(minh, "minh"));
    }

    [Fact]
    public async Task UseMovesLastSeenAndASessionIdleLongerThanTheCookieIsDead()
    {
        var id = await _sessions.StartAsync("lan", "Chrome", null);
        _database.Time.Advance(TimeSpan.FromHours(2));
        Assert.True(await _sessions.IsActiveAsync(id, "lan"));
        Assert.Equal(_database.Time.GetUtcNow().UtcDateTime, (await _sessions.ListAsync("lan")).Single().LastSeenAtUtc);

        _database.Time.Advance(UserSessionService.IdleLimit + TimeSpan.FromMinutes(10));

        Assert.False(await _sessions.IsActiveAsync(id, "lan"));
        Assert.Empty(await _sessions.ListAsync("lan"));
    }

    [Fact]
    public async Task AnEndedSessionIsRefusedByAnotherServerOnceItsCheckHasLapsed()
    {
        var id = await _sessions.StartAsync("lan", "Chrome", null);
        var otherServer = new UserSessionService(_database, _database.Time);
        Assert.True(await otherServer.IsActiveAsync(id, "lan"));

        await _sessions.EndAsync("lan", id);
        _database.Time.Advance(UserSessionService.CheckLifetime);

        Assert.False(await otherServer.IsActiveAsync(id, "lan"));
    }
}
