using Bunit;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Services;
using ChildDashboard.Web.Components.Pages.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Admin;

public class CataloguePageTests : AdminPageContext
{
    protected override string Role => Roles.Admin;

    [Fact]
    public void ARenamedIndicatorShowsAtOnce()
    {
        var page = Render<CataloguePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=catalogue-row]")));
        page.WaitForAssertion(() =>
        {
            page.FindAll("[role=tab]").First(t => t.TextContent.Contains("Chỉ tiêu (", StringComparison.Ordinal)).Click();
            Assert.Contains(page.FindAll("[data-testid=catalogue-row]"), r => r.TextContent.Contains("CP03"));
        });
        Open(page, () => page.FindAll("[data-testid=catalogue-row]").First(r => r.TextContent.Contains("CP03")).QuerySelector("button")!, "[data-testid=catalogue-editor]");

        page.Find("textarea[data-testid=name-vi]").Change("Tỷ lệ mới");
        page.Find("[data-testid=save-names]").Click();

        page.WaitForAssertion(() => Assert.Contains("Đã lưu CP03.", page.Find("[data-testid=admin-done]").TextContent));
        Assert.Contains("Tỷ lệ mới", page.FindAll("[data-testid=catalogue-row]").First(r => r.TextContent.Contains("CP03")).TextContent);
        Assert.Null(page.FindAll("[data-testid=definition-locked]").FirstOrDefault());
    }

    [Fact]
    public async Task AnIndicatorWithDataHasItsDefinitionLocked()
    {
        var catalogue = await Services.GetRequiredService<CatalogueCache>().GetAsync();
        var element = catalogue.ElementsByCode[catalogue.IndicatorsByCode["CP03"].ElementCodes().First()];
        await using (var db = Database.CreateDbContext())
        {
            db.DataValues.Add(new() { DataElementId = element.Id, OrgUnitId = catalogue.Units.Root!.Id, Period = "2025", Value = 1,
                OptionCode = catalogue.OptionsOf(element).FirstOrDefault() ?? ChildDashboard.Core.Domain.DisaggregationOption.DefaultCode });
            await db.SaveChangesAsync();
        }
        var page = Render<CataloguePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=catalogue-row]")));
        page.WaitForAssertion(() =>
        {
            page.FindAll("[role=tab]").First(t => t.TextContent.Contains("Chỉ tiêu (", StringComparison.Ordinal)).Click();
            Assert.Contains(page.FindAll("[data-testid=catalogue-row]"), r => r.TextContent.Contains("CP03"));
        });
        Open(page, () => page.FindAll("[data-testid=catalogue-row]").First(r => r.TextContent.Contains("CP03")).QuerySelector("button")!, "[data-testid=catalogue-editor]");

        Assert.Contains("CP03 đã có số liệu", page.Find("[data-testid=definition-locked]").TextContent);
        Assert.True(page.Find("[data-testid=save-definition]").HasAttribute("disabled"));
    }
}

public class CataloguePageForAProvinceAdministratorTests : AdminPageContext
{
    protected override string Role => Roles.Admin;

    protected override string ScopeCode => "01";

    [Fact]
    public void AProvinceAdministratorReadsTheCatalogueWithoutEditing()
    {
        var page = Render<CataloguePage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=catalogue-row]")));
        Assert.Contains("chỉ quản trị viên cấp quốc gia được sửa", page.Markup);
        Assert.DoesNotContain("Sửa", page.Find("[data-testid=catalogue-row]").TextContent);
    }
}
