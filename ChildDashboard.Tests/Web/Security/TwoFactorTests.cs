using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using ChildDashboard.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Security;

// Two-factor sign-in over HTTP: the code step after the password, recovery codes that work once,
// throttled codes, HTTP Basic refused to such accounts, administrators sent to set it up, and the
// setup page itself. Each test has its own accounts and addresses (they share the app).
public partial class TwoFactorTests(SignInFactory factory) : IClassFixture<SignInFactory>
{
    private const string Password = "Lotus-Pond-Morning-9";

    [GeneratedRegex("data-testid=\"shared-key\">([^<]+)<")]
    private static partial Regex SharedKeyField();

    [GeneratedRegex("<li><code>([A-Z0-9]{5}-[A-Z0-9]{5})</code></li>")]
    private static partial Regex RecoveryCodeItem();

    private HttpClient Browser(string address)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(SignInFactory.ClientHeader, address);
        return client;
    }

    [Fact]
    public async Task APasswordAloneLeadsToTheCodeStepAndTheAuthenticatorCodeSignsIn()
    {
        await TwoFactorUsers.CreateAsync(factory, "tf-leader", Password, Roles.Leader);
        var enrolled = await TwoFactorUsers.EnrolAsync(factory, "tf-leader");
        var browser = Browser("198.51.100.10");

        var password = await TwoFactorUsers.PasswordAsync(browser, "tf-leader", Password, "/profile");

        Assert.Equal("/account/login/code?returnUrl=%2Fprofile", password.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/profile")).StatusCode);
        var step = WebUtility.HtmlDecode(await browser.GetStringAsync("/account/login/code?returnUrl=%2Fprofile"));
        Assert.Contains("Nhập mã xác thực", step);

        var code = await TwoFactorUsers.CodeAsync(browser, Totp.NextCode(enrolled.SharedKey), "/profile");

        Assert.Equal("/profile", code.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task ARecoveryCodeSignsInOnceInAnyCase()
    {
        await TwoFactorUsers.CreateAsync(factory, "tf-analyst", Password, Roles.Analyst);
        var enrolled = await TwoFactorUsers.EnrolAsync(factory, "tf-analyst");
        var recovery = enrolled.RecoveryCodes[3];

        var first = Browser("198.51.100.20");
        await TwoFactorUsers.PasswordAsync(first, "tf-analyst", Password);
        var used = await TwoFactorUsers.CodeAsync(first, recovery.ToLowerInvariant());
        var second = Browser("198.51.100.21");
        await TwoFactorUsers.PasswordAsync(second, "tf-analyst", Password);
        var reused = await TwoFactorUsers.CodeAsync(second, recovery);

        Assert.Equal("/", used.Headers.Location?.OriginalString);
        Assert.StartsWith("/account/login/code?error=invalid", reused.Headers.Location?.OriginalString);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Equal(9, await users.CountRecoveryCodesAsync((await users.FindByNameAsync("tf-analyst"))!));
    }

    [Fact]
    public async Task WrongCodesAreThrottledLikePasswords()
    {
        await TwoFactorUsers.CreateAsync(factory, "tf-guessed", Password, Roles.Leader);
        await TwoFactorUsers.EnrolAsync(factory, "tf-guessed");
        var browser = Browser("198.51.100.30");
        await TwoFactorUsers.PasswordAsync(browser, "tf-guessed", Password);

        var answers = new List<string?>();
        foreach (var guess in new[] { "000001", "000002", "000003", "000004" })
            answers.Add((await TwoFactorUsers.CodeAsync(browser, guess)).Headers.Location?.OriginalString);

        Assert.All(answers.Take(3), a => Assert.StartsWith("/account/login/code?error=invalid", a));
        Assert.StartsWith("/account/login/code?error=throttled&minutes=1", answers[3]);
    }

    [Fact]
    public async Task TheCodeStepWithoutAPasswordFirstStartsOver()
    {
        var browser = Browser("198.51.100.40");

        var answer = await TwoFactorUsers.CodeAsync(browser, "123456");

        Assert.StartsWith("/account/login?error=expired", answer.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task HttpBasicIsRefusedToAnAccountWithTwoFactorWhileItsTokenWorks()
    {
        var user = await TwoFactorUsers.CreateAsync(factory, "tf-script", Password, Roles.Analyst);
        var basic = factory.CreateClient();
        basic.DefaultRequestHeaders.Add(SignInFactory.ClientHeader, "198.51.100.50");
        basic.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"tf-script:{Password}")));
        Assert.Equal(HttpStatusCode.OK, (await basic.GetAsync("/api/v1/metadata")).StatusCode);
        string token;
        using (var scope = factory.Services.CreateScope())
            token = (await scope.ServiceProvider.GetRequiredService<ChildDashboard.Core.Services.ApiTokenService>().CreateAsync(user.Id, "script", 30)).Token;

        await TwoFactorUsers.EnrolAsync(factory, "tf-script");
        var refused = await basic.GetAsync("/api/v1/metadata");
        var bearer = factory.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("two-factor", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/metadata")).StatusCode);
    }

    [Fact]
    public async Task AnAdministratorWithoutTwoFactorIsSentToSetItUpBeforeAnyAdministrationPage()
    {
        await TwoFactorUsers.CreateAsync(factory, "tf-admin", Password, Roles.Admin);
        var before = Browser("198.51.100.60");
        await TwoFactorUsers.SignInAsync(before, "tf-admin", Password, sharedKey: null);

        var sent = await before.GetAsync("/admin/users");
        var overview = await before.GetAsync("/");
        var enrolled = await TwoFactorUsers.EnrolAsync(factory, "tf-admin");
        var after = Browser("198.51.100.61");
        await TwoFactorUsers.SignInAsync(after, "tf-admin", Password, enrolled.SharedKey);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/account/two-factor?returnUrl=%2Fadmin%2Fusers", sent.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task TheSetupPageTurnsTwoFactorOnWithACodeShowsTenRecoveryCodesAndKeepsTheBrowserSignedIn()
    {
        await TwoFactorUsers.CreateAsync(factory, "tf-self", Password, Roles.DataEntry, "01");
        var browser = Browser("198.51.100.70");
        await TwoFactorUsers.SignInAsync(browser, "tf-self", Password, sharedKey: null);

        var setup = WebUtility.HtmlDecode(await browser.GetStringAsync("/account/two-factor"));
        var key = SharedKeyField().Match(setup).Groups[1].Value;
        Assert.Contains("otpauth://totp/ChildDashboard%3Atf-self?secret=", setup);
        var wrong = await PostFormAsync(browser, "enable", "000000");
        var enabled = await PostFormAsync(browser, "enable", Totp.Code(key, DateTimeOffset.UtcNow));

        Assert.Contains("Mã không đúng hoặc đã hết hạn", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        var page = await enabled.Content.ReadAsStringAsync();
        Assert.Equal(10, RecoveryCodeItem().Matches(page).Count);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);
        Assert.Contains("Đăng nhập hai bước đang bật. Còn 10 mã khôi phục chưa dùng.", WebUtility.HtmlDecode(await browser.GetStringAsync("/account/two-factor")));
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True((await users.FindByNameAsync("tf-self"))!.TwoFactorEnabled);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string form, string code)
    {
        var token = await TwoFactorUsers.AntiforgeryTokenAsync(browser, "/account/two-factor");
        return await browser.PostAsync("/account/two-factor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = form, ["Code"] = code, ["__RequestVerificationToken"] = token,
        }));
    }
}
