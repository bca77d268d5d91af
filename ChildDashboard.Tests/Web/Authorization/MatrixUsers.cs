using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using ChildDashboard.Tests.Web.Api;
using ChildDashboard.Tests.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Authorization;

// The callers of the authorization matrix: anonymous, and each role at national scope (VN), in the
// province the sample requests name (Hà Nội, 01) and in another province (Lào Cai, 15). Each has a
// signed-in cookie (pages) and a token (API).
public static partial class MatrixUsers
{
    public const string OwnProvince = "01";
    public const string OtherProvince = "15";
    public const string Password = "Matrix-Quiet-Lantern-42";

    public sealed record Caller(string Label, string? Role, char Scope, HttpClient Browser, HttpClient Api);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public static async Task<IReadOnlyList<Caller>> CreateAsync(ApiFactory factory)
    {
        var callers = new List<Caller> { new("anonymous", null, '-', Browser(factory), Browser(factory)) };
        foreach (var role in Roles.All)
            foreach (var (scope, code) in new[] { ('N', "VN"), ('P', OwnProvince), ('O', OtherProvince) })
            {
                var name = $"matrix-{role}-{code}".ToLowerInvariant();
                var token = await CreateUserAsync(factory, name, role, code);
                var browser = Browser(factory);
                // Administrators must sign in with two factors to reach their pages.
                var sharedKey = role == Roles.Admin ? (await TwoFactorUsers.EnrolAsync(factory, name)).SharedKey : null;
                var signedIn = await TwoFactorUsers.SignInAsync(browser, name, Password, sharedKey);
                Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
                var api = Browser(factory);
                api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                callers.Add(new Caller($"{role} {scope}", role, scope, browser, api));
            }
        return callers;
    }

    private static HttpClient Browser(ApiFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    private static async Task<string> CreateUserAsync(ApiFactory factory, string name, string role, string unitCode)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = await db.OrgUnits.SingleAsync(u => u.Code == unitCode && u.ClosedDate == null);
        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            user = new AppUser { UserName = name, DisplayName = name, ScopeOrgUnitId = unit.Id };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
        return (await tokens.CreateAsync(user.Id, "matrix", 30)).Token;
    }

    public static async Task SignInAsync(HttpClient browser, string userName, string password)
    {
        var page = await browser.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var answer = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName, ["password"] = password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal("/", answer.Headers.Location?.OriginalString);
    }
}
