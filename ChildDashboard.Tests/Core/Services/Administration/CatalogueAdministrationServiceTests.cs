using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;

namespace ChildDashboard.Tests.Core.Services.Administration;

// Catalogue and unit changes: names reach the catalogue the pages read at once, retirement hides
// an item from later periods only, definitions that change numbers are fixed once data exists,
// and every change is audited with old and new, by national administrators only.
public abstract class CatalogueAdministrationServiceTests(DatabaseProvider provider) : AdminServicesFixture(provider)
{
    private CatalogueAdministrationService Catalogue => Get<CatalogueAdministrationService>();

    private Task<ChildDashboard.Core.Services.Catalogue> CurrentAsync() => Get<CatalogueCache>().GetAsync();

    private async Task StoreValueAsync(string elementCode)
    {
        var catalogue = await CurrentAsync();
        await using var db = Database.CreateDbContext();
        db.DataValues.Add(new DataValue
        {
            DataElementId = catalogue.ElementsByCode[elementCode].Id, OrgUnitId = Unit(catalogue, "01").Id, Period = "2025Q1", Value = 3,
            OptionCode = catalogue.OptionsOf(catalogue.ElementsByCode[elementCode]).FirstOrDefault() ?? DisaggregationOption.DefaultCode,
        });
        await db.SaveChangesAsync();
    }

    [SkippableFact]
    public async Task ARenamedIndicatorReachesTheCatalogueAtOnceAndIsAudited()
    {
        var admin = await CallerAsync(Roles.Admin);
        var indicator = (await CurrentAsync()).IndicatorsByCode["CP03"];

        var result = await Catalogue.RenameAsync(admin, CatalogueKind.Indicator, indicator.Id, new("Tên mới", "New name"));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(("Tên mới", "New name"), ((await CurrentAsync()).IndicatorsByCode["CP03"].NameVi, (await CurrentAsync()).IndicatorsByCode["CP03"].NameEn));
        var audit = Assert.Single(await AdminAuditsAsync());
        Assert.Equal((AdminAction.CatalogueChanged, "Indicator CP03"), (audit.Action, audit.Target));
        Assert.StartsWith($"{indicator.NameVi} | {indicator.NameEn} |", audit.OldValue);
        Assert.StartsWith("Tên mới | New name |", audit.NewValue);
    }

    [SkippableFact]
    public async Task DefinitionsThatChangeNumbersAreBlockedOnceDataExists()
    {
        English();
        var admin = await CallerAsync(Roles.Admin);
        var catalogue = await CurrentAsync();
        var indicator = catalogue.IndicatorsByCode["CP03"];
        var element = catalogue.ElementsByCode[indicator.ElementCodes().First()];
        var factor = new CatalogueAdministrationService.IndicatorDefinition(indicator.Numerator, indicator.Denominator, 1, indicator.Annualized);
        var aggregation = new CatalogueAdministrationService.ElementDefinition(element.PeriodType,
            element.AggregationType == AggregationType.Sum ? AggregationType.Last : AggregationType.Sum, element.ValueType, element.Disaggregation);

        Assert.True((await Catalogue.ChangeIndicatorAsync(admin, indicator.Id, factor)).Succeeded);
        await StoreValueAsync(element.Code);
        var blockedIndicator = await Catalogue.ChangeIndicatorAsync(admin, indicator.Id, factor with { Factor = 100 });
        var blockedElement = await Catalogue.ChangeElementAsync(admin, element.Id, aggregation);
        var renamed = await Catalogue.RenameAsync(admin, CatalogueKind.DataElement, element.Id, new("Tên", "Name", "Mô tả", "Description"));

        Assert.Contains("CP03 already has data: a definition that changes its numbers", Assert.Single(blockedIndicator.Errors));
        Assert.Contains($"{element.Code} already has data", Assert.Single(blockedElement.Errors));
        Assert.True(renamed.Succeeded);
        catalogue = await CurrentAsync();
        Assert.Equal(1, catalogue.IndicatorsByCode["CP03"].Factor);
        Assert.Equal(element.AggregationType, catalogue.ElementsByCode[element.Code].AggregationType);
        Assert.Equal(("Mô tả", "Description"), (catalogue.ElementsByCode[element.Code].DescriptionVi, catalogue.ElementsByCode[element.Code].DescriptionEn));
        Assert.Equal(2, (await AdminAuditsAsync()).Count);
    }

    [SkippableFact]
    public async Task AnIndicatorDefinitionMustNameKnownElementsAndAKnownFactor()
    {
        English();
        var admin = await CallerAsync(Roles.Admin);
        var indicator = (await CurrentAsync()).IndicatorsByCode["CP03"];

        var result = await Catalogue.ChangeIndicatorAsync(admin, indicator.Id, new("NO_SUCH_ELEMENT", "1", 7, false));

        Assert.Equal(2, result.Errors.Count);
        Assert.Contains("no data element 'NO_SUCH_ELEMENT'", result.Errors[0]);
        Assert.Contains("The factor must be 1, 100 or 100,000", result.Errors[1]);
    }

    [SkippableFact]
    public async Task ARetiredElementLeavesTheFormsOfLaterQuartersOnly()
    {
        var admin = await CallerAsync(Roles.Admin);
        var catalogue = await CurrentAsync();
        var element = catalogue.Elements.First(e => e.PeriodType == PeriodType.Quarterly);
        var haNoi = Unit(catalogue, "01");

        Assert.True((await Catalogue.RetireAsync(admin, CatalogueKind.DataElement, element.Id, new DateOnly(2026, 4, 1))).Succeeded);

        catalogue = await CurrentAsync();
        Assert.Contains(FormLayout.Cells(haNoi, Period.Parse("2026Q1"), catalogue.Elements, catalogue.OptionsOf), c => c.Element.Id == element.Id);
        Assert.DoesNotContain(FormLayout.Cells(haNoi, Period.Parse("2026Q2"), catalogue.Elements, catalogue.OptionsOf), c => c.Element.Id == element.Id);
        Assert.Equal(AdminAction.CatalogueRetired, Assert.Single(await AdminAuditsAsync()).Action);

        Assert.True((await Catalogue.RetireAsync(admin, CatalogueKind.DataElement, element.Id, null)).Succeeded);
        catalogue = await CurrentAsync();
        Assert.Contains(FormLayout.Cells(haNoi, Period.Parse("2026Q2"), catalogue.Elements, catalogue.OptionsOf), c => c.Element.Id == element.Id);
        Assert.Equal(AdminAction.CatalogueRestored, (await AdminAuditsAsync()).Last().Action);
    }

    [SkippableFact]
    public async Task ARetiredProgrammeHidesItsIndicatorsFromLaterPeriods()
    {
        var admin = await CallerAsync(Roles.Admin);
        var catalogue = await CurrentAsync();
        var indicator = catalogue.IndicatorsByCode["CP03"];

        Assert.True((await Catalogue.RetireAsync(admin, CatalogueKind.Programme, indicator.ProgrammeId, new DateOnly(2026, 1, 1))).Succeeded);

        catalogue = await CurrentAsync();
        Assert.True(catalogue.IsActiveIn(catalogue.IndicatorsByCode["CP03"], Period.Parse("2025")));
        Assert.False(catalogue.IsActiveIn(catalogue.IndicatorsByCode["CP03"], Period.Parse("2026Q1")));
    }

    [SkippableFact]
    public async Task OnlyNationalAdministratorsChangeTheCatalogueAndUnitNames()
    {
        English();
        var catalogue = await CurrentAsync();
        var indicator = catalogue.IndicatorsByCode["CP03"];
        var haNoi = Unit(catalogue, "01");
        foreach (var caller in new[] { await CallerAsync(Roles.Admin, "01"), await CallerAsync(Roles.Analyst) })
        {
            Assert.False((await Catalogue.RenameAsync(caller, CatalogueKind.Indicator, indicator.Id, new("x", "y"))).Succeeded);
            Assert.False((await Catalogue.RetireAsync(caller, CatalogueKind.Indicator, indicator.Id, new DateOnly(2026, 1, 1))).Succeeded);
            Assert.False((await Get<UnitAdministrationService>().RenameAsync(caller, haNoi.Id, "x", "y")).Succeeded);
        }
        Assert.Empty(await AdminAuditsAsync());
        Assert.Equal(indicator.NameVi, (await CurrentAsync()).IndicatorsByCode["CP03"].NameVi);
    }

    [SkippableFact]
    public async Task ARenamedUnitIsAuditedAndReadAgain()
    {
        var admin = await CallerAsync(Roles.Admin);
        var haNoi = await UnitAsync("01");

        Assert.True((await Get<UnitAdministrationService>().RenameAsync(admin, haNoi.Id, "Thủ đô Hà Nội", "Hanoi Capital")).Succeeded);

        Assert.Equal("Thủ đô Hà Nội", (await UnitAsync("01")).NameVi);
        var audit = Assert.Single(await AdminAuditsAsync());
        Assert.Equal((AdminAction.UnitRenamed, $"{haNoi.NameVi} | {haNoi.NameEn}", "Thủ đô Hà Nội | Hanoi Capital", haNoi.Id),
            (audit.Action, audit.OldValue, audit.NewValue, audit.TargetOrgUnitId));
    }
}

public sealed class CatalogueAdministrationServiceOnSqliteTests() : CatalogueAdministrationServiceTests(DatabaseProvider.Sqlite);

public sealed class CatalogueAdministrationServiceOnPostgresTests() : CatalogueAdministrationServiceTests(DatabaseProvider.PostgreSQL);
