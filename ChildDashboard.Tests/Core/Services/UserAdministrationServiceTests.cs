using System.Globalization;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using ChildDashboard.Web.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Core.Services;

// Every administrative change to users and tokens: what it does, its audit row (who, old, new),
// nothing written when refused, and a province administrator kept within its province.
public abstract class UserAdministrationServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Password = "Slow-Copper-Kettle-19";
    private TestDatabase? _database;
    private ServiceProvider? _services;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");
    private IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialised.");
    private UserAdministrationService Users => Services.GetRequiredService<UserAdministrationService>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider: provider);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IDbContextFactory<AppDbContext>>(_database);
        services.AddScoped(_ => _database.CreateDbContext());
        services.AddSingleton<TimeProvider>(_database.Time);
        // The app's password rules (SecurityServiceCollectionExtensions): length, no composition, not common.
        services.AddIdentityCore<AppUser>(identity =>
            {
                identity.Password.RequiredLength = 12;
                identity.Password.RequireDigit = identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = identity.Password.RequireNonAlphanumeric = false;
            })
            .AddRoles<IdentityRole>().AddEntityFrameworkStores<AppDbContext>().AddErrorDescriber<LocalizedIdentityErrors>();
        services.AddScoped<IPasswordValidator<AppUser>, CommonPasswordValidator>();
        services.AddSingleton<CatalogueCache>();
        services.AddSingleton<AdminAuditLog>();
        services.AddSingleton<ApiTokenService>();
        services.AddSingleton<UserAdministrationService>();
        services.AddSingleton<TokenAdministrationService>();
        _services = services.BuildServiceProvider();
        using var scope = Services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            await roles.CreateAsync(new IdentityRole(role));
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
            await _services.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    // Messages in English (set in the test's own flow: a culture set inside an awaited helper does not come back).
    private static void English() => CultureInfo.CurrentUICulture = new CultureInfo("en-US");

    private async Task<UserAccess> AdminAsync(string name, string unitCode)
    {
        var catalogue = await Services.GetRequiredService<CatalogueCache>().GetAsync();
        return new UserAccess(name, [Roles.Admin], Unit(catalogue, unitCode), catalogue.Units);
    }

    private async Task<int> UnitIdAsync(string code) => Unit(await Services.GetRequiredService<CatalogueCache>().GetAsync(), code).Id;

    private static OrgUnit Unit(Catalogue catalogue, string code) =>
        catalogue.Units.FindOpen(code, new DateOnly(2026, 1, 1)) ?? throw new InvalidOperationException(code);

    private async Task<string> CreateAsync(UserAccess actor, string name, string role, string unitCode)
    {
        var result = await Users.CreateAsync(actor, new UserAdministrationService.NewUser(name, name + " display", role, await UnitIdAsync(unitCode), Password));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        await using var db = Database.CreateDbContext();
        return (await db.Users.SingleAsync(u => u.UserName == name)).Id;
    }

    private async Task<List<AdminAudit>> AuditsAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.AdminAudits.OrderBy(a => a.Id).ToListAsync();
    }

    private async Task<AppUser> StoredAsync(string id)
    {
        await using var db = Database.CreateDbContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    [SkippableFact]
    public async Task ACreatedUserHasItsRoleAndScopeAndTheLogSaysWhoCreatedIt()
    {
        English();
        var admin = await AdminAsync("chief", "VN");

        var id = await CreateAsync(admin, "entry.hanoi", Roles.DataEntry, "01");

        var row = Assert.Single(await Users.ListAsync(admin), u => u.Id == id);
        Assert.Equal(Roles.DataEntry, row.Role);
        Assert.Equal("01", row.Scope.Code);
        Assert.False(row.IsDisabled);
        var audit = Assert.Single(await AuditsAsync());
        Assert.Equal(("chief", AdminAction.UserCreated, "entry.hanoi", null), (audit.Actor, audit.Action, audit.Target, audit.OldValue));
        Assert.Equal("DataEntry · 01 Hà Nội", audit.NewValue);
        Assert.Equal(Database.Time.GetUtcNow().UtcDateTime, audit.AtUtc);
    }

    [SkippableFact]
    public async Task AWeakInitialPasswordOrAnUnknownRoleIsRefusedWithAReasonAndNothingIsWritten()
    {
        English();
        var admin = await AdminAsync("chief", "VN");
        var hanoi = await UnitIdAsync("01");

        var weak = await Users.CreateAsync(admin, new("weak", "Weak", Roles.Leader, hanoi, "short-one"));
        var common = await Users.CreateAsync(admin, new("common", "Common", Roles.Leader, hanoi, "password1234"));
        var role = await Users.CreateAsync(admin, new("norole", "No role", "Owner", hanoi, Password));

        Assert.Contains("at least 12 characters", Assert.Single(weak.Errors));
        Assert.Contains("common passwords", Assert.Single(common.Errors));
        Assert.Equal("Unknown role.", Assert.Single(role.Errors));
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Empty(await AuditsAsync());
    }

    [SkippableFact]
    public async Task DisablingLocksTheUserOutAndEndsTheirSessionsAndEnablingUndoesIt()
    {
        English();
        var admin = await AdminAsync("chief", "VN");
        var id = await CreateAsync(admin, "leader.one", Roles.Leader, "01");
        var stamp = (await StoredAsync(id)).SecurityStamp;

        Assert.True((await Users.SetDisabledAsync(admin, id, disabled: true)).Succeeded);
        var disabled = await StoredAsync(id);
        Assert.True(disabled.LockoutEnd > DateTimeOffset.UtcNow.AddYears(100));
        Assert.NotEqual(stamp, disabled.SecurityStamp);
        Assert.True(Assert.Single(await Users.ListAsync(admin), u => u.Id == id).IsDisabled);

        Assert.True((await Users.SetDisabledAsync(admin, id, disabled: false)).Succeeded);
        Assert.Null((await StoredAsync(id)).LockoutEnd);
        var audits = (await AuditsAsync()).Skip(1).Select(a => (a.Action, a.Target, a.OldValue, a.NewValue)).ToList();
        Assert.Equal([(AdminAction.UserDisabled, "leader.one", "enabled", "disabled"), (AdminAction.UserEnabled, "leader.one", "disabled", "enabled")], audits);
    }

    [SkippableFact]
    public async Task AnAdministratorCannotDisableThemselvesNorChangeTheirOwnRole()
    {
        English();
        var self = await CreateAsync(await AdminAsync("other", "VN"), "chief", Roles.Admin, "VN");
        var admin = await AdminAsync("chief", "VN");

        Assert.Equal("You cannot disable your own account.", Assert.Single((await Users.SetDisabledAsync(admin, self, disabled: true)).Errors));
        Assert.False((await Users.ChangeRoleAsync(admin, self, Roles.Leader)).Succeeded);
        Assert.Single(await AuditsAsync());
    }

    [SkippableFact]
    public async Task AResetPasswordMustSatisfyTheRulesAndReplacesTheOldOneWithoutLoggingEither()
    {
        English();
        var admin = await AdminAsync("chief", "VN");
        var id = await CreateAsync(admin, "analyst.one", Roles.Analyst, "VN");
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        var weak = await Users.ResetPasswordAsync(admin, id, "tiny");
        Assert.False(weak.Succeeded);
        Assert.True(await users.CheckPasswordAsync((await users.FindByIdAsync(id))!, Password));

        Assert.True((await Users.ResetPasswordAsync(admin, id, "Fresh-Morning-Harbour-3")).Succeeded);
        using var fresh = Services.CreateScope();
        var reloaded = fresh.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await reloaded.CheckPasswordAsync((await reloaded.FindByIdAsync(id))!, "Fresh-Morning-Harbour-3"));
        Assert.False(await reloaded.CheckPasswordAsync((await reloaded.FindByIdAsync(id))!, Password));
        var audit = (await AuditsAsync()).Last();
        Assert.Equal((AdminAction.PasswordReset, "analyst.one", null, null), (audit.Action, audit.Target, audit.OldValue, audit.NewValue));
        Assert.Equal(2, (await AuditsAsync()).Count);
    }

    [SkippableFact]
    public async Task RoleAndScopeChangesAreLoggedWithOldAndNewAndEndTheUsersSessions()
    {
        English();
        var admin = await AdminAsync("chief", "VN");
        var id = await CreateAsync(admin, "mover", Roles.DataEntry, "01");
        var stamp = (await StoredAsync(id)).SecurityStamp;

        Assert.True((await Users.ChangeRoleAsync(admin, id, Roles.Leader)).Succeeded);
        Assert.True((await Users.ChangeScopeAsync(admin, id, await UnitIdAsync("15"))).Succeeded);

        var row = Assert.Single(await Users.ListAsync(admin), u => u.Id == id);
        Assert.Equal((Roles.Leader, "15"), (row.Role, row.Scope.Code));
        Assert.NotEqual(stamp, (await StoredAsync(id)).SecurityStamp);
        var audits = (await AuditsAsync()).Skip(1).Select(a => (a.Action, a.OldValue, a.NewValue)).ToList();
        Assert.Equal([(AdminAction.RoleChanged, "DataEntry", "Leader"), (AdminAction.ScopeChanged, "01 Hà Nội", "15 Lào Cai")], audits);
        Assert.False((await Users.ChangeRoleAsync(admin, id, "Owner")).Succeeded);
        Assert.Equal(3, (await AuditsAsync()).Count);
    }

    [SkippableFact]
    public async Task AProvinceAdministratorSeesAndChangesOnlyItsProvincesUsersUnitsAndLog()
    {
        English();
        var national = await AdminAsync("chief", "VN");
        var hanoiAdmin = await AdminAsync("admin.hanoi", "01");
        var inHanoi = await CreateAsync(national, "in.hanoi", Roles.DataEntry, "01");
        var inLaoCai = await CreateAsync(national, "in.laocai", Roles.DataEntry, "15");

        Assert.Equal(["in.hanoi"], (await Users.ListAsync(hanoiAdmin)).Select(u => u.UserName));
        Assert.False((await Users.CreateAsync(hanoiAdmin, new("national.one", "N", Roles.Leader, await UnitIdAsync("VN"), Password))).Succeeded);
        Assert.False((await Users.CreateAsync(hanoiAdmin, new("laocai.two", "L", Roles.Leader, await UnitIdAsync("15"), Password))).Succeeded);
        Assert.Equal("This unit is outside the scope you administer.", Assert.Single((await Users.SetDisabledAsync(hanoiAdmin, inLaoCai, true)).Errors));
        Assert.False((await Users.ResetPasswordAsync(hanoiAdmin, inLaoCai, "Fresh-Morning-Harbour-3")).Succeeded);
        Assert.False((await Users.ChangeRoleAsync(hanoiAdmin, inLaoCai, Roles.Leader)).Succeeded);
        Assert.False((await Users.ChangeScopeAsync(hanoiAdmin, inHanoi, await UnitIdAsync("15"))).Succeeded);
        Assert.True((await Users.ChangeRoleAsync(hanoiAdmin, inHanoi, Roles.Leader)).Succeeded);

        var log = Services.GetRequiredService<AdminAuditLog>();
        Assert.Equal(3, (await log.ListAsync(national)).Count);
        Assert.Equal([AdminAction.RoleChanged, AdminAction.UserCreated], (await log.ListAsync(hanoiAdmin)).Select(a => a.Action));
        Assert.Equal(Roles.DataEntry, (await Users.ListAsync(national)).Single(u => u.Id == inLaoCai).Role);
    }

    [SkippableFact]
    public async Task AnAdministratorRevokesAnyTokenInScopeWithAnAuditRowAndNoneOutside()
    {
        English();
        var national = await AdminAsync("chief", "VN");
        var hanoiAdmin = await AdminAsync("admin.hanoi", "01");
        var tokens = Services.GetRequiredService<ApiTokenService>();
        var admin = Services.GetRequiredService<TokenAdministrationService>();
        var hanoiToken = await tokens.CreateAsync(await CreateAsync(national, "in.hanoi", Roles.DataEntry, "01"), "sync", 30);
        var laoCaiToken = await tokens.CreateAsync(await CreateAsync(national, "in.laocai", Roles.DataEntry, "15"), "sync", 30);
        var announced = new List<string>();
        tokens.Revoked += announced.Add;

        Assert.Equal(2, (await admin.ListAsync(national)).Count);
        Assert.Equal(["in.hanoi"], (await admin.ListAsync(hanoiAdmin)).Select(t => t.OwnerUserName));
        Assert.False((await admin.RevokeAsync(hanoiAdmin, laoCaiToken.Info.Id)).Succeeded);
        Assert.True((await admin.RevokeAsync(hanoiAdmin, hanoiToken.Info.Id)).Succeeded);

        Assert.Null(await tokens.FindOwnerAsync(hanoiToken.Token));
        Assert.NotNull(await tokens.FindOwnerAsync(laoCaiToken.Token));
        Assert.Equal([ApiTokenService.Hash(hanoiToken.Token)], announced);
        var audit = (await AuditsAsync()).Last();
        Assert.Equal(("admin.hanoi", AdminAction.TokenRevoked, "active", "revoked"), (audit.Actor, audit.Action, audit.OldValue, audit.NewValue));
        Assert.StartsWith("sync (cdt_", audit.Target);
        Assert.EndsWith("· in.hanoi", audit.Target);
    }
}

public sealed class UserAdministrationServiceOnSqliteTests() : UserAdministrationServiceTests(DatabaseProvider.Sqlite);

public sealed class UserAdministrationServiceOnPostgresTests() : UserAdministrationServiceTests(DatabaseProvider.PostgreSQL);
