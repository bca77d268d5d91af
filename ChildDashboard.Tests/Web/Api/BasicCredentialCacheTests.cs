using System.Security.Claims;
using ChildDashboard.Core.Identity;
using ChildDashboard.Tests.Core;
using ChildDashboard.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Tests.Web.Api;

public class BasicCredentialCacheTests : IAsyncLifetime
{
    private TestDatabase? _database;
    private AppUser? _user;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");
    private AppUser User => _user ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = Database.CreateDbContext();
        var nation = await db.OrgUnits.SingleAsync(u => u.Code == "VN");
        _user = new AppUser { UserName = "script", DisplayName = "script", ScopeOrgUnitId = nation.Id, ConcurrencyStamp = "stamp-1" };
        db.Users.Add(_user);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();

    private static ClaimsPrincipal Principal() => new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "script")], "Api"));

    private async Task SetStampAsync(string stamp)
    {
        await using var db = Database.CreateDbContext();
        await db.Users.Where(u => u.Id == User.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.ConcurrencyStamp, stamp));
    }

    [Fact]
    public async Task AVerifiedCredentialIsKeptForAMinute()
    {
        var cache = new BasicCredentialCache(Database, Database.Time);
        var principal = Principal();
        cache.Add("script", "right", User, principal);

        Database.Time.Advance(TimeSpan.FromSeconds(59));
        var withinTheMinute = await cache.FindAsync("script", "right", default);
        Database.Time.Advance(TimeSpan.FromSeconds(2));
        var afterIt = await cache.FindAsync("script", "right", default);

        Assert.Same(principal, withinTheMinute);
        Assert.Null(afterIt);
    }

    [Fact]
    public async Task OnlyTheSameNameAndPasswordFindTheEntry()
    {
        var cache = new BasicCredentialCache(Database, Database.Time);
        cache.Add("script", "right", User, Principal());

        Assert.Null(await cache.FindAsync("script", "wrong", default));
        Assert.Null(await cache.FindAsync("script", "right ", default));
        Assert.Null(await cache.FindAsync("other", "right", default));
        Assert.NotNull(await cache.FindAsync("script", "right", default));
    }

    [Fact]
    public async Task ANewStampDropsTheEntryForGood()
    {
        var cache = new BasicCredentialCache(Database, Database.Time);
        cache.Add("script", "right", User, Principal());

        await SetStampAsync("stamp-2");
        var afterTheChange = await cache.FindAsync("script", "right", default);
        await SetStampAsync("stamp-1");
        var afterGoingBack = await cache.FindAsync("script", "right", default);

        Assert.Null(afterTheChange);
        Assert.Null(afterGoingBack);
    }

    [Fact]
    public async Task ADeletedUserIsNotFound()
    {
        var cache = new BasicCredentialCache(Database, Database.Time);
        cache.Add("script", "right", User, Principal());

        await using (var db = Database.CreateDbContext())
            await db.Users.Where(u => u.Id == User.Id).ExecuteDeleteAsync();

        Assert.Null(await cache.FindAsync("script", "right", default));
    }
}
