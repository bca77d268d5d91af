using System.Security.Claims;
using Bunit;
using ChildDashboard.Core;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Tests.Core;
using ChildDashboard.Web.Account;
using ChildDashboard.Web.Components.Pages.Profile;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Profile;

public class ProfilePageTests : MudTestContext
{
    private TestDatabase? _database;

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using (var db = _database.CreateDbContext())
        {
            var nation = await db.OrgUnits.SingleAsync(u => u.Code == "VN");
            db.Users.Add(new AppUser { Id = "user-1", UserName = "phantich", DisplayName = "Chuyên viên", ScopeOrgUnitId = nation.Id });
            await db.SaveChangesAsync();
        }
        Services.AddChildDashboardServices(new ConfigurationBuilder().Build());
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(_database);
        Services.AddSingleton<TimeProvider>(_database.Time);
        Services.AddLogging();
        var sessions = new ChildDashboard.Core.Services.UserSessionService(_database, _database.Time);
        _currentSession = await sessions.StartAsync("user-1", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/142.0", "203.0.113.7");
        await sessions.StartAsync("user-1", "Mozilla/5.0 (Linux; Android 15) Chrome/142.0 Mobile", "198.51.100.4");
        var authorization = AddAuthorization();
        authorization.SetAuthorized("phantich");
        authorization.SetRoles(Roles.Analyst);
        authorization.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, "user-1"),
            new Claim(UserInfo.DisplayNameClaim, "Chuyên viên"),
            new Claim(UserInfo.ScopeUnitNameViClaim, "Việt Nam"),
            new Claim(UserInfo.SessionClaim, _currentSession));
    }

    private string _currentSession = "";

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    [Fact]
    public void ShowsWhoTheUserIsAndThatThereAreNoTokensYet()
    {
        var page = Render<ProfilePage>();

        page.WaitForAssertion(() => Assert.Contains("Bạn chưa có mã truy cập nào.", page.Markup));
        Assert.Contains("Chuyên viên phân tích", page.Markup);
        Assert.Contains("Việt Nam", page.Markup);
    }

    [Fact]
    public void ATokenIsShownOnceWhenCreatedAndCanBeRevoked()
    {
        var page = Render<ProfilePage>();
        page.WaitForAssertion(() => Assert.Contains("Bạn chưa có mã truy cập nào.", page.Markup));

        page.Find("input[data-testid=token-name]").Input("Đồng bộ DHIS2");
        page.Find("button[data-testid=create-token]").Click();

        page.WaitForAssertion(() => Assert.StartsWith("cdt_", page.Find("[data-testid=new-token]").TextContent));
        Assert.Contains("Đồng bộ DHIS2", page.FindAll("tbody").Last().TextContent);
        Assert.Contains("Đang dùng", page.FindAll("tbody").Last().TextContent);

        page.FindAll("tbody button").Single(b => b.TextContent.Contains("Thu hồi")).Click();

        page.WaitForAssertion(() => Assert.Contains("Đã thu hồi", page.FindAll("tbody").Last().TextContent));
    }

    [Fact]
    public void TheSecuritySectionSaysTwoFactorIsOffAndEndsAnotherSessionButNotThisOne()
    {
        var page = Render<ProfilePage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr[data-testid=session-row]").Count));

        Assert.Contains("Đăng nhập hai bước đang tắt", page.Find("[data-testid=two-factor-status]").TextContent);
        var rows = page.FindAll("tr[data-testid=session-row]");
        var current = Assert.Single(rows, r => r.QuerySelector("[data-testid=session-current]") is not null);
        Assert.Contains("Chrome · Windows", current.TextContent);
        Assert.Contains("203.0.113.7", current.TextContent);

        page.Find("button[data-testid=end-session]").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("tr[data-testid=session-row]")));
        Assert.Contains("Đã kết thúc 1 phiên.", page.Find("[data-testid=sessions-ended]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=end-other-sessions]"));
    }
}
