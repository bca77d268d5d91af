using System.Net;
using System.Text.RegularExpressions;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Tests.Web.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Security;

// Accounts and browsers for the sign-in tests over HTTP: a user created directly with Identity,
// with or without two-factor sign-in, and the two steps of the sign-in form.
public static partial class TwoFactorUsers
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public sealed record Enrolled(string SharedKey, IReadOnlyList<string> RecoveryCodes);

    public static async Task<AppUser> CreateAsync(ApiFactory factory, string userName, string password, string role, string unitCode = "VN")
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = await db.OrgUnits.SingleAsync(u => u.Code == unitCode && u.ClosedDate == null);
        var user = new AppUser { UserName = userName, DisplayName = userName, ScopeOrgUnitId = unit.Id };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    // Two-factor sign-in turned on as the setup page does it.
    public static async Task<Enrolled> EnrolAsync(ApiFactory factory, string userName)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        await users.ResetAuthenticatorKeyAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
        return new Enrolled(key, codes.ToList());
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient browser, string path)
    {
        var page = await browser.GetStringAsync(path);
        return AntiforgeryField().Match(page).Groups[1].Value;
    }

    public static async Task<HttpResponseMessage> PasswordAsync(HttpClient browser, string userName, string password, string returnUrl = "/")
    {
        var token = await AntiforgeryTokenAsync(browser, "/account/login");
        return await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName, ["password"] = password, ["returnUrl"] = returnUrl, ["__RequestVerificationToken"] = token,
        }));
    }

    public static async Task<HttpResponseMessage> CodeAsync(HttpClient browser, string code, string returnUrl = "/")
    {
        var token = await AntiforgeryTokenAsync(browser, "/account/login/code");
        return await browser.PostAsync("/account/login/code", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = code, ["returnUrl"] = returnUrl, ["__RequestVerificationToken"] = token,
        }));
    }

    // Both steps; the answer of the last one (a redirect to returnUrl when signed in).
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string userName, string password, string? sharedKey)
    {
        var first = await PasswordAsync(browser, userName, password);
        if (sharedKey is null)
            return first;
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/account/login/code", first.Headers.Location?.OriginalString);
        return await CodeAsync(browser, Totp.NextCode(sharedKey));
    }
}
