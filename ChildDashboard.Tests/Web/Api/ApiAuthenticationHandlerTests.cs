using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Api;

// HTTP Basic against the real app: a verified credential is kept for a minute, and any change to
// the account is seen at once. Each test has its own user, so the hasher counts are its own.
public class ApiAuthenticationHandlerTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Password = "Basic-User-Pa55";
    private const string CheapRead = "/api/v1/analytics?indicator=HRT01&orgUnit=01&period=2023";

    private HttpClient BasicClient(string userName, string password)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}")));
        return client;
    }

    // Each call runs in its own scope, as a separate request or admin page would.
    private async Task<T> WithUsersAsync<T>(Func<UserManager<AppUser>, Task<T>> act)
    {
        using var scope = factory.Services.CreateScope();
        return await act(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    private Task<AppUser> UserAsync(string userName) =>
        WithUsersAsync(async users => await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName));

    private Task CreateUserAsync(string userName, string role) => WithUsersAsync(async users =>
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var hanoi = await db.OrgUnits.SingleAsync(u => u.Code == "01" && u.ClosedDate == null);
        var user = new AppUser { UserName = userName, DisplayName = userName, ScopeOrgUnitId = hanoi.Id };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    });

    private static StringContent Targets() =>
        new("indicator,orgunit,target_year,target_value\nHRT01,01,2025,1\n", Encoding.UTF8, "text/csv");

    [Fact]
    public async Task ASecondBasicRequestDoesNotHashThePasswordAgain()
    {
        await CreateUserAsync("poller", Roles.DataEntry);
        var client = BasicClient("poller", Password);

        var first = await client.GetAsync(CheapRead);
        var second = await client.GetAsync(CheapRead);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, factory.PasswordHasher.VerificationsOf("poller"));
    }

    [Fact]
    public async Task AChangedPasswordRefusesTheOldOneAtOnce()
    {
        await CreateUserAsync("changer", Roles.DataEntry);
        Assert.Equal(HttpStatusCode.OK, (await BasicClient("changer", Password).GetAsync(CheapRead)).StatusCode);

        var changed = await WithUsersAsync(async users =>
            await users.ChangePasswordAsync(await users.FindByNameAsync("changer") ?? throw new InvalidOperationException(), Password, "Changed-Pa55word"));

        Assert.True(changed.Succeeded);
        Assert.Equal(HttpStatusCode.Unauthorized, (await BasicClient("changer", Password).GetAsync(CheapRead)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await BasicClient("changer", "Changed-Pa55word").GetAsync(CheapRead)).StatusCode);
    }

    [Fact]
    public async Task ARoleTakenAwayIsSeenAtOnce()
    {
        await CreateUserAsync("demoted", Roles.Analyst);
        var client = BasicClient("demoted", Password);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/targets?dryRun=true", Targets())).StatusCode);

        var demoted = await WithUsersAsync(async users =>
        {
            var user = await users.FindByNameAsync("demoted") ?? throw new InvalidOperationException();
            return (await users.RemoveFromRoleAsync(user, Roles.Analyst)).Succeeded && (await users.AddToRoleAsync(user, Roles.Leader)).Succeeded;
        });

        Assert.True(demoted);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/v1/targets?dryRun=true", Targets())).StatusCode);
        Assert.Equal(2, factory.PasswordHasher.VerificationsOf("demoted"));
    }

    [Fact]
    public async Task AWrongPasswordChangesNothingOnTheAccountAndTheRightOneStaysCached()
    {
        await CreateUserAsync("guessed", Roles.DataEntry);
        Assert.Equal(HttpStatusCode.OK, (await BasicClient("guessed", Password).GetAsync(CheapRead)).StatusCode);
        var stamp = (await UserAsync("guessed")).ConcurrencyStamp;

        var wrong = await BasicClient("guessed", "not-the-password").GetAsync(CheapRead);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(0, (await UserAsync("guessed")).AccessFailedCount);
        Assert.Equal(stamp, (await UserAsync("guessed")).ConcurrencyStamp);
        Assert.Equal(2, factory.PasswordHasher.VerificationsOf("guessed"));
        // Nothing changed, so the right password is still the cached one.
        Assert.Equal(HttpStatusCode.OK, (await BasicClient("guessed", Password).GetAsync(CheapRead)).StatusCode);
        Assert.Equal(2, factory.PasswordHasher.VerificationsOf("guessed"));
    }

    [Fact]
    public async Task ManyWrongPasswordsDoNotLockTheAccount()
    {
        await CreateUserAsync("attacked", Roles.DataEntry);

        for (var attempt = 0; attempt < 12; attempt++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await BasicClient("attacked", "guess-" + attempt).GetAsync(CheapRead)).StatusCode);

        Assert.False(await WithUsersAsync(async users => await users.IsLockedOutAsync(await users.FindByNameAsync("attacked") ?? throw new InvalidOperationException())));
        Assert.Equal(HttpStatusCode.OK, (await BasicClient("attacked", Password).GetAsync(CheapRead)).StatusCode);
    }

    [Fact]
    public async Task AnAccountLockedByAnAdministratorIsRefusedAtOnceThoughItsCredentialWasCached()
    {
        await CreateUserAsync("locked", Roles.DataEntry);
        var client = BasicClient("locked", Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(CheapRead)).StatusCode);

        await WithUsersAsync(async users => await users.SetLockoutEndDateAsync(
            await users.FindByNameAsync("locked") ?? throw new InvalidOperationException(), DateTimeOffset.UtcNow.AddDays(1)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(CheapRead)).StatusCode);
    }

    // The cache relies on this: Identity's store writes a new ConcurrencyStamp on every update.
    [Fact]
    public async Task IdentityRenewsTheConcurrencyStampOnEveryChangeThatMatters()
    {
        await CreateUserAsync("stamped", Roles.DataEntry);
        (string Name, Func<UserManager<AppUser>, AppUser, Task<IdentityResult>> Change)[] changes =
        [
            ("password change", (users, user) => users.ChangePasswordAsync(user, Password, "Renewed-Pa55word")),
            ("password reset", async (users, user) => await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), Password)),
            ("role added", (users, user) => users.AddToRoleAsync(user, Roles.Analyst)),
            ("role removed", (users, user) => users.RemoveFromRoleAsync(user, Roles.Analyst)),
            ("failed attempt", (users, user) => users.AccessFailedAsync(user)),
            ("failures reset", (users, user) => users.ResetAccessFailedCountAsync(user)),
            ("locked out", (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddYears(1))),
            ("unlocked", (users, user) => users.SetLockoutEndDateAsync(user, null)),
        ];

        foreach (var (name, change) in changes)
        {
            var before = (await UserAsync("stamped")).ConcurrencyStamp;
            var result = await WithUsersAsync(async users => await change(users, await users.FindByNameAsync("stamped") ?? throw new InvalidOperationException()));
            var after = (await UserAsync("stamped")).ConcurrencyStamp;
            Assert.True(result.Succeeded, name);
            Assert.True(before != after, $"The stamp did not change on {name}.");
        }
    }
}
