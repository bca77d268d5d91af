using System.Net.Http.Headers;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Api;

// The real app in memory on a fresh SQLite file, without demo data, with a few users and tokens.
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "Api-Steward-Pa55";
    public const long MaxFileBytes = 64 * 1024;

    private readonly string _folder = Directory.CreateTempSubdirectory("childdashboard-api-").FullName;
    private readonly Dictionary<string, string> _tokens = [];

    public CountingPasswordHasher PasswordHasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_folder, "api.db")}");
        builder.UseSetting("Security:InitialAdminPassword", AdminPassword);
        builder.UseSetting("Seed:DemoData", "false");
        builder.UseSetting("Import:MaxFileBytes", MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Every in-memory client comes from the same (unknown) address; Web/Security/SignInTests test the limits.
        builder.UseSetting("SignIn:PerAddress", "100000");
        builder.UseSetting("SignIn:PerAccountAndAddress", "100000");
        builder.UseSetting("SignIn:PerAccount", "100000");
        builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<AppUser>>(PasswordHasher));
        Configure(builder);
    }

    // What a test class needs besides: other settings, a failing service.
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    public async Task InitializeAsync()
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
        async Task AddAsync(string name, string role, string unitCode)
        {
            var unit = await db.OrgUnits.SingleAsync(u => u.Code == unitCode && u.ClosedDate == null);
            var user = new AppUser { UserName = name, DisplayName = name, ScopeOrgUnitId = unit.Id };
            await users.CreateAsync(user, AdminPassword);
            await users.AddToRoleAsync(user, role);
        }
        await AddAsync("hanoi", Roles.DataEntry, "01");
        await AddAsync("laocai", Roles.DataEntry, "15");
        await AddAsync("leader", Roles.Leader, "VN");
        await AddAsync("analyst", Roles.Analyst, "VN");
        foreach (var name in new[] { "admin", "hanoi", "laocai", "leader", "analyst" })
        {
            var user = await users.FindByNameAsync(name) ?? throw new InvalidOperationException(name);
            _tokens[name] = (await tokens.CreateAsync(user.Id, "tests", 30)).Token;
        }
    }

    public HttpClient ClientFor(string userName)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[userName]);
        return client;
    }

    public string TokenOf(string userName) => _tokens[userName];

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
