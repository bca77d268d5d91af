using Bunit;
using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Identity;
using ChildDashboard.Web.Components.Pages.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Tests.Web.Admin;

public class SettingsPageTests : AdminPageContext
{
    protected override string Role => Roles.Admin;

    [Fact]
    public void EverySettingShowsInItsUnitWithItsDefault()
    {
        var page = Render<SettingsPage>();

        page.WaitForAssertion(() => Assert.Equal(13, page.FindAll("[data-testid=setting]").Count));
        Assert.Contains("Hạn nộp báo cáo", page.Markup);
        Assert.Equal("10", page.Find("input[data-testid='Status:OnTrackMargin']").GetAttribute("value"));
        Assert.Equal("20", page.Find("input[data-testid='Import:MaxFileBytes']").GetAttribute("value"));
        // No key without its text.
        Assert.DoesNotContain("AdminSetting", page.Markup);
    }

    [Fact]
    public void ASavedMarginIsInForceAndAWrongOneIsExplained()
    {
        var page = Render<SettingsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=setting]")));

        page.Find("input[data-testid='Status:OnTrackMargin']").Change("30");
        page.Find("[data-testid=save-settings]").Click();
        page.WaitForAssertion(() => Assert.Contains("Status:AtRiskMargin (0.25) must be at least Status:OnTrackMargin (0.3)", page.Find("[data-testid=admin-errors]").TextContent));

        page.Find("input[data-testid='Status:OnTrackMargin']").Change("5");
        page.Find("[data-testid=save-settings]").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=admin-done]")));
        Assert.Equal(0.05, Services.GetRequiredService<IOptions<StatusOptions>>().Value.OnTrackMargin);
    }
}

public class SettingsPageForAProvinceAdministratorTests : AdminPageContext
{
    protected override string Role => Roles.Admin;

    protected override string ScopeCode => "01";

    [Fact]
    public void AProvinceAdministratorSeesNoSettingsAndNoSettingsTab()
    {
        var page = Render<SettingsPage>();

        page.WaitForAssertion(() => Assert.Contains("Người dùng", page.Find("nav").TextContent));
        Assert.Empty(page.FindAll("[data-testid=setting]"));
        Assert.DoesNotContain("Thiết lập", page.Find("nav").TextContent);
    }
}
