using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ChildDashboard.Tests.Web.Security;

// Sign-in that a stranger cannot abuse: the password policy, throttling per address, per account
// and address and per account (limits 6, 3 and 5 in a 3-second window here), equal time for
// unknown users, Secure cookies and signing out everywhere. Each test uses its own accounts and
// addresses, since they share the app.
public partial class SignInTests(SignInFactory factory, ITestOutputHelper output) : IClassFixture<SignInFactory>
{
    private const string Password = "Quiet-River-Stone-7";
    private const string Metadata = "/api/v1/metadata";

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private async Task CreateUserAsync(string userName)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = await db.OrgUnits.SingleAsync(u => u.Code == "01" && u.ClosedDate == null);
        var user = new AppUser { UserName = userName, DisplayName = userName, ScopeOrgUnitId = unit.Id };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Leader)).Succeeded);
    }

    private HttpClient Basic(string userName, string password, string address)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}")));
        client.DefaultRequestHeaders.Add(SignInFactory.ClientHeader, address);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    private Task<HttpStatusCode> TryBasicAsync(string userName, string password, string address) =>
        Basic(userName, password, address).GetAsync(Metadata).ContinueWith(t => t.Result.StatusCode, TaskScheduler.Default);

    [Theory]
    [InlineData("Short-pass1", "PasswordTooShort")]
    [InlineData("password1234", "PasswordCommon")]
    [InlineData("Password2024!", "PasswordCommon")]
    [InlineData("qwertyuiop123", "PasswordCommon")]
    [InlineData("!!iloveyou!!!", "PasswordCommon")]
    [InlineData("1q2w3e4r5t6y", "PasswordCommon")]
    [InlineData("policy-tester-2026", "PasswordContext")]
    [InlineData("my childdashboard key", "PasswordContext")]
    public async Task WeakPasswordsAreRefusedWithAReason(string password, string code)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        var result = await users.CreateAsync(new AppUser { UserName = "policy-tester", DisplayName = "x", ScopeOrgUnitId = 1 }, password);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == code && e.Description.Length > 20);
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("mưa rơi trên phố cổ")]
    [InlineData("xkcdxkcdxkcd")]
    [InlineData("abcdefghijkl")]
    public async Task LongPasswordsNeedNoDigitsCapitalsOrSymbols(string password)
    {
        // Twelve or more characters of any kind pass unless they are a known common password.
        var common = CommonPasswordValidatorIsCommon(password);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = await db.OrgUnits.SingleAsync(u => u.Code == "01" && u.ClosedDate == null);

        var result = await users.CreateAsync(new AppUser { UserName = "long-" + Guid.NewGuid().ToString("N")[..8], DisplayName = "x", ScopeOrgUnitId = unit.Id }, password);

        Assert.Equal(!common, result.Succeeded);
    }

    private static bool CommonPasswordValidatorIsCommon(string password) =>
        ChildDashboard.Web.Account.CommonPasswordValidator.IsCommon(password.ToLowerInvariant());

    [Fact]
    public async Task AStrangerCannotLockTheRealUserOut()
    {
        await CreateUserAsync("victim");

        var strangerAnswers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
            strangerAnswers.Add(await TryBasicAsync("victim", "guess-" + attempt, "203.0.113.10"));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], strangerAnswers);
        // The real user, from their own address, signs in at once; the account was never locked.
        Assert.Equal(HttpStatusCode.OK, await TryBasicAsync("victim", Password, "198.51.100.20"));
    }

    [Fact]
    public async Task AThrottledAnswerIsA429ProblemWithRetryAfter()
    {
        await CreateUserAsync("hammered");
        for (var attempt = 0; attempt < 3; attempt++)
            await TryBasicAsync("hammered", "guess-" + attempt, "203.0.113.11");

        var response = await Basic("hammered", Password, "203.0.113.11").GetAsync(Metadata);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.InRange(response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, SignInFactory.Window.TotalSeconds);
        Assert.Contains("Too many password sign-ins", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OneAddressTryingManyAccountsIsThrottled()
    {
        var answers = new List<HttpStatusCode>();
        for (var account = 0; account < 7; account++)
            answers.Add(await TryBasicAsync("sprayed-" + account, "Summer-2024-pass", "203.0.113.12"));

        Assert.All(answers.Take(6), a => Assert.Equal(HttpStatusCode.Unauthorized, a));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[6]);
    }

    [Fact]
    public async Task ManyAddressesTryingOneAccountAreThrottledForOneWindowOnly()
    {
        await CreateUserAsync("targeted");
        var started = Stopwatch.StartNew();
        var answers = new List<HttpStatusCode>();
        foreach (var address in new[] { "203.0.113.21", "203.0.113.22", "203.0.113.23" })
        {
            for (var attempt = 0; attempt < 2; attempt++)
                answers.Add(await TryBasicAsync("targeted", "guess-" + attempt, address));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, answers[5]);
        // Attempts refused inside the window do not prolong it.
        while (started.Elapsed < SignInFactory.Window - TimeSpan.FromMilliseconds(500))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, await TryBasicAsync("targeted", "guess-again", "203.0.113.24"));
            await Task.Delay(200);
        }
        await Task.Delay(SignInFactory.Window - started.Elapsed + TimeSpan.FromMilliseconds(700));
        Assert.Equal(HttpStatusCode.OK, await TryBasicAsync("targeted", Password, "198.51.100.25"));
    }

    [Fact]
    public async Task HammeringDuringTheWindowDoesNotProlongIt()
    {
        await CreateUserAsync("patient");
        var started = Stopwatch.StartNew();
        for (var attempt = 0; attempt < 3; attempt++)
            await TryBasicAsync("patient", "guess-" + attempt, "203.0.113.30");

        var refused = 0;
        while (started.Elapsed < SignInFactory.Window - TimeSpan.FromMilliseconds(300))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, await TryBasicAsync("patient", Password, "203.0.113.30"));
            refused++;
            await Task.Delay(100);
        }
        await Task.Delay(SignInFactory.Window - started.Elapsed + TimeSpan.FromMilliseconds(700));

        Assert.True(refused > 5);
        Assert.Equal(HttpStatusCode.OK, await TryBasicAsync("patient", Password, "203.0.113.30"));
    }

    [Fact]
    public async Task AWrongPasswordTakesAsLongForAnUnknownUserAsForARealOne()
    {
        // Both kinds alternate, each attempt on an account and from an address of its own, so that
        // the throttle never answers first.
        for (var i = 0; i < 16; i++)
            await CreateUserAsync("timed-" + i);
        var known = new List<double>();
        var unknown = new List<double>();
        await TryBasicAsync("warm-up", "x", "192.0.2.250");
        for (var i = 0; i < 16; i++)
        {
            known.Add(await TimeAsync("timed-" + i, "wrong-" + i, $"192.0.2.{i}"));
            unknown.Add(await TimeAsync("nobody-" + i, "wrong-" + i, $"192.0.2.{100 + i}"));
        }

        var (knownMedian, unknownMedian) = (Median(known), Median(unknown));
        output.WriteLine($"Wrong password, median of 16: real user {knownMedian:F1} ms, unknown user {unknownMedian:F1} ms");
        Assert.InRange(unknownMedian / knownMedian, 0.6, 1.6);
    }

    private async Task<double> TimeAsync(string userName, string password, string address)
    {
        var client = Basic(userName, password, address);
        var watch = Stopwatch.StartNew();
        var response = await client.GetAsync(Metadata);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return elapsed;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    // A browser: its own cookies, coming over HTTPS from its own address.
    private HttpClient Browser(string address)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(SignInFactory.ClientHeader, address);
        return client;
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient browser, string path)
    {
        var page = await browser.GetStringAsync(path);
        return AntiforgeryField().Match(page).Groups[1].Value;
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string userName, string password)
    {
        var token = await AntiforgeryTokenAsync(browser, "/account/login");
        return await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName, ["password"] = password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task TheSignInFormSetsASecureHttpOnlyCookieAndIsThrottledWithAMessage()
    {
        await CreateUserAsync("former");
        var browser = Browser("203.0.113.40");

        var signedIn = await SignInAsync(browser, "former", Password);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        var stranger = Browser("203.0.113.41");
        var answers = new List<string?>();
        for (var attempt = 0; attempt < 4; attempt++)
            answers.Add((await SignInAsync(stranger, "former", "guess-" + attempt)).Headers.Location?.OriginalString);
        Assert.All(answers.Take(3), a => Assert.StartsWith("/account/login?error=invalid", a));
        Assert.StartsWith("/account/login?error=throttled&minutes=1", answers[3]);
        var page = WebUtility.HtmlDecode(await stranger.GetStringAsync(answers[3]));
        Assert.Contains("Quá nhiều lần đăng nhập từ máy này. Vui lòng thử lại sau 1 phút.", page);
    }

    [Fact]
    public async Task SigningOutEverywhereEndsTheOtherBrowsersSessions()
    {
        await CreateUserAsync("traveller");
        var office = Browser("203.0.113.50");
        var home = Browser("203.0.113.51");
        await SignInAsync(office, "traveller", Password);
        await SignInAsync(home, "traveller", Password);
        Assert.Equal(HttpStatusCode.OK, (await home.GetAsync("/")).StatusCode);

        var token = await AntiforgeryTokenAsync(office, "/profile");
        var signedOut = await office.PostAsync("/account/logout-everywhere", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var homeAgain = await home.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, homeAgain.StatusCode);
        Assert.StartsWith("https://localhost/account/login", homeAgain.Headers.Location?.ToString());
        // Signing in again works.
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(home, "traveller", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await home.GetAsync("/")).StatusCode);
    }
}
