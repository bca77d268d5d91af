using System.Security.Cryptography;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Web.Account;

// Creates the roles, the built-in national `admin` and, in Development with demo data, one demo
// account per role. Passwords that were generated are printed once, when the account is created.
public sealed class AccountSeeder(
    IServiceScopeFactory scopes,
    IOptions<SecurityOptions> security,
    IOptions<SeedOptions> seed,
    IWebHostEnvironment environment,
    TimeProvider time)
{
    public const string AdminUserName = "admin";

    public sealed record DemoAccount(string UserName, string DisplayName, string Role, string UnitCode);

    public static readonly IReadOnlyList<DemoAccount> DemoAccounts =
    [
        new("lanhdao", "Lãnh đạo (demo)", Roles.Leader, OrgUnit.NationCode),
        new("phantich", "Chuyên viên phân tích (demo)", Roles.Analyst, OrgUnit.NationCode),
        new("nhaplieu", "Cán bộ nhập liệu (demo)", Roles.DataEntry, OrgUnit.NationCode),
        new("nhaplieu.hanoi", "Cán bộ nhập liệu Hà Nội (demo)", Roles.DataEntry, "01"),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // A start with everything in place only reads: the role names and the accounts by name.
        // The units (thousands of rows) are read only when an account is to be created.
        var existingRoles = await roles.Roles.Select(r => r.Name).ToListAsync(ct);
        foreach (var role in Roles.All.Where(r => !existingRoles.Contains(r)))
            Check(await roles.CreateAsync(new IdentityRole(role)), role);

        OrgUnitDirectory? units = null;
        async Task<OrgUnitDirectory> UnitsAsync() => units ??= new OrgUnitDirectory(await db.OrgUnits.AsNoTracking().ToListAsync(ct));
        var today = VietnamClock.Today(time);
        var created = new List<(string UserName, string Password, string Role, string Unit)>();

        if (await users.FindByNameAsync(AdminUserName) is null)
        {
            var password = security.Value.InitialAdminPassword;
            if (string.IsNullOrEmpty(password))
            {
                if (!environment.IsDevelopment())
                    throw new InvalidOperationException("Set Security__InitialAdminPassword: it is the password of the built-in admin account created on first start.");
                password = GeneratePassword();
                created.Add((AdminUserName, password, Roles.Admin, OrgUnit.NationCode));
            }
            await CreateAsync(users, await UnitsAsync(), today, new DemoAccount(AdminUserName, "Quản trị hệ thống", Roles.Admin, OrgUnit.NationCode), password);
        }

        if (environment.IsDevelopment() && seed.Value.DemoData)
        {
            foreach (var account in DemoAccounts)
            {
                if (await users.FindByNameAsync(account.UserName) is not null)
                    continue;
                var password = GeneratePassword();
                await CreateAsync(users, await UnitsAsync(), today, account, password);
                created.Add((account.UserName, password, account.Role, account.UnitCode));
            }
        }

        if (created.Count > 0)
            PrintOnce(created);
    }

    private static async Task CreateAsync(UserManager<AppUser> users, OrgUnitDirectory units, DateOnly today, DemoAccount account, string password)
    {
        var unit = units.FindCurrent(account.UnitCode, today)
            ?? throw new InvalidOperationException($"Unit {account.UnitCode} of account {account.UserName} does not exist.");
        var user = new AppUser { UserName = account.UserName, DisplayName = account.DisplayName, ScopeOrgUnitId = unit.Id };
        Check(await users.CreateAsync(user, password), account.UserName);
        Check(await users.AddToRoleAsync(user, account.Role), account.UserName);
    }

    private static void PrintOnce(List<(string UserName, string Password, string Role, string Unit)> created)
    {
        Console.WriteLine();
        Console.WriteLine("Accounts created (shown only this once; delete the database to start again):");
        foreach (var (userName, password, role, unit) in created)
            Console.WriteLine($"  {userName,-16} {password,-16} {role,-10} {unit}");
        Console.WriteLine();
    }

    // Twelve random characters (the policy's minimum length) in a shape that is easy to read out and type.
    internal static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnpqrstuvwxyz";
        const string digits = "23456789";
        char Pick(string set) => set[RandomNumberGenerator.GetInt32(set.Length)];
        return string.Concat(
            Pick(upper), Pick(lower), Pick(lower), Pick(lower), Pick(digits), Pick(digits), "-",
            Pick(upper), Pick(lower), Pick(lower), Pick(digits), Pick(digits));
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
