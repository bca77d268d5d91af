using Bunit;
using ChildDashboard.Core.Identity;
using ChildDashboard.Web.Components.Pages.Admin;

namespace ChildDashboard.Tests.Web.Admin;

public class UnitsPageTests : AdminPageContext
{
    protected override string Role => Roles.Admin;

    [Fact]
    public void TheTreeShows34ProvincesTodayAnd63BeforeTheMergerWithTheirHistory()
    {
        var page = Render<UnitsPage>();

        page.WaitForAssertion(() => Assert.Equal(34, page.FindAll("[data-testid=unit-row]").Count));
        var laoCai = page.FindAll("[data-testid=unit-row]").Single(r => r.TextContent.Contains("Lào Cai"));
        Assert.Contains("Hợp nhất từ: Lào Cai (10), Yên Bái (15)", laoCai.TextContent);

        page.WaitForAssertion(() =>
        {
            page.FindAll("nav button").First(b => b.TextContent.Contains("30/06/2025")).Click();
            Assert.Equal(63, page.FindAll("[data-testid=unit-row]").Count);
        });
        var yenBai = page.FindAll("[data-testid=unit-row]").Single(r => r.TextContent.Contains("Yên Bái"));
        Assert.Contains("Ngừng hoạt động sau 30/06/2025, sáp nhập vào Lào Cai (15)", yenBai.TextContent);
    }

    [Fact]
    public void ANationalAdministratorRenamesAUnit()
    {
        var page = Render<UnitsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=unit-row]")));
        Open(page, () => page.FindAll("[data-testid=unit-row]").Single(r => r.TextContent.Contains("Hà Nội")).QuerySelector("button")!,
            "input[data-testid=unit-name-vi]").Change("Thủ đô Hà Nội");
        page.Find("[data-testid=save-unit-name]").Click();

        page.WaitForAssertion(() => Assert.Contains("Đã đổi tên đơn vị 01.", page.Find("[data-testid=admin-done]").TextContent));
        Assert.Contains("Thủ đô Hà Nội", page.Markup);
    }
}
