using Bunit;
using ChildDashboard.Core.Identity;
using ChildDashboard.Web.Components.Pages.Admin;
using Microsoft.AspNetCore.Components.Forms;

namespace ChildDashboard.Tests.Web.Admin;

public class TargetsPageTests : AdminPageContext
{
    protected override string Role => Roles.Analyst;

    protected override string ScopeCode => "01";

    [Fact]
    public void AProvinceWithoutTargetsOfItsOwnShowsTheNationalChainItAdopts()
    {
        var page = Render<TargetsPage>();

        page.WaitForAssertion(() => Assert.Contains("Theo mục tiêu của VN · Việt Nam", page.Markup));
        Assert.Contains("2017: 87 → 2025: 90; 2017: 87 → 2030: 95", page.Markup);
        // An analyst sees the targets tab and none of the administrators' tabs.
        Assert.Contains("Mục tiêu", page.Find("nav").TextContent);
        Assert.DoesNotContain("Người dùng", page.Find("nav").TextContent);
    }

    [Fact]
    public void ATargetAddedOnThePageJoinsTheUnitsChain()
    {
        var page = Render<TargetsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=target-indicator]")));
        Open(page, () => page.FindAll("[data-testid=target-indicator]").First(r => r.TextContent.Contains("CP03")).QuerySelectorAll("button").Last(),
            "input[data-testid=target-year]").Change("2030");
        page.Find("input[data-testid=target-value]").Change("93");
        page.Find("[data-testid=save-target]").Click();

        page.WaitForAssertion(() => Assert.Contains("Đã lưu mục tiêu CP03 năm 2030 của 01 · Hà Nội.", page.Find("[data-testid=admin-done]").TextContent));
        // The list reloads after the message: wait for the chain to show the new target.
        page.WaitForAssertion(() =>
        {
            var saved = page.FindAll("[data-testid=target-indicator]").First(r => r.TextContent.Contains("CP03"));
            Assert.Contains("2030: 93", saved.TextContent);
            Assert.DoesNotContain("Theo mục tiêu của", saved.TextContent);
        });
    }

    [Fact]
    public void AFileIsPreviewedBeforeAnythingIsWritten()
    {
        var page = Render<TargetsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=target-indicator]")));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "indicator,orgunit,baseline_year,baseline_value,target_year,target_value,source\nCP03,01,2020,85,2030,96,QĐ 9\n", "targets.csv"));

        page.WaitForAssertion(() => Assert.Contains("1 mục tiêu mới, 0 mục tiêu thay đổi, 0 không đổi", page.Find("[data-testid=preview-summary]").TextContent));
        Assert.Contains("(mới)", page.Find("[data-testid=preview-change]").TextContent);
        Assert.Contains("Theo mục tiêu của", page.FindAll("[data-testid=target-indicator]").First(r => r.TextContent.Contains("CP03")).TextContent);

        page.Find("[data-testid=confirm-import]").Click();

        page.WaitForAssertion(() => Assert.Contains("2020: 85 → 2030: 96", page.FindAll("[data-testid=target-indicator]").First(r => r.TextContent.Contains("CP03")).TextContent));
    }

    [Fact]
    public void AFileWithAnotherProvincesRowsShowsItsProblemsAndCannotBeWritten()
    {
        var page = Render<TargetsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=target-indicator]")));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "indicator,orgunit,target_year,target_value\nCP03,15,2030,96\n", "targets.csv"));

        page.WaitForAssertion(() => Assert.Contains("nằm ngoài phạm vi của bạn", page.Find("[data-testid=preview-conflicts]").TextContent));
        Assert.True(page.Find("[data-testid=confirm-import]").HasAttribute("disabled"));
    }
}
