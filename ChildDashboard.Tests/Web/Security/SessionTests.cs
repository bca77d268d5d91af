using System.Net;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Services;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Security;

// Each sign-in cookie is a server-side session: ending one refuses that cookie on its next request,
// leaves the user's other browsers signed in, and signing out removes the session.
public class SessionTests(SignInFactory factory) : IClassFixture<SignInFactory>
{
    private const string Password = "Paddy-Field-Evening-4";

    private HttpClient Browser(string userAgent)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(SignInFactory.ClientHeader, "192.0.2.10");
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return client;
    }

    [Fact]
    public async Task EndingASessionSignsThatBrowserOutAtOnceAndNoOther()
    {
        var user = await TwoFactorUsers.CreateAsync(factory, "session-owner", Password, Roles.Leader);
        var office = Browser("Office/1.0");
        var phone = Browser("Phone/1.0");
        await TwoFactorUsers.SignInAsync(office, "session-owner", Password, sharedKey: null);
        await TwoFactorUsers.SignInAsync(phone, "session-owner", Password, sharedKey: null);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/")).StatusCode);
        var sessions = factory.Services.GetRequiredService<UserSessionService>();
        var listed = await sessions.ListAsync(user.Id);
        Assert.Equal(["Office/1.0", "Phone/1.0"], listed.Select(s => s.UserAgent).Order());

        Assert.Equal(1, await sessions.EndAsync(user.Id, listed.Single(s => s.UserAgent == "Phone/1.0").Id));

        var phoneAgain = await phone.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, phoneAgain.StatusCode);
        Assert.StartsWith("https://localhost/account/login", phoneAgain.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/")).StatusCode);
        Assert.Equal(["Office/1.0"], (await sessions.ListAsync(user.Id)).Select(s => s.UserAgent));
    }

    [Fact]
    public async Task SigningOutEndsTheSessionOfThatBrowser()
    {
        var user = await TwoFactorUsers.CreateAsync(factory, "session-leaver", Password, Roles.Analyst);
        var browser = Browser("Leaver/1.0");
        await TwoFactorUsers.SignInAsync(browser, "session-leaver", Password, sharedKey: null);
        var sessions = factory.Services.GetRequiredService<UserSessionService>();
        Assert.Single(await sessions.ListAsync(user.Id));

        var token = await TwoFactorUsers.AntiforgeryTokenAsync(browser, "/profile");
        var signedOut = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Empty(await sessions.ListAsync(user.Id));
    }
}
