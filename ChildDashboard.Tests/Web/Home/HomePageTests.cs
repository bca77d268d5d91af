using Bunit;
using ChildDashboard.Core.Services;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core;
using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using Microsoft.Extensions.Configuration;
using ChildDashboard.Tests.Core;
using ChildDashboard.Web.Components.Pages.Home;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Home;

public class HomePageTests : MudTestContext
{
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(demoData: true);
        Services.AddChildDashboardServices(new ConfigurationBuilder().Build());
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(_database);
        Services.AddSingleton<TimeProvider>(_database.Time);
        Services.AddLogging();
    }

    [Fact]
    public void ListsProgrammesAndIndicatorsInVietnamese()
    {
        var page = Render<HomePage>();

        // The heading renders at once; the figures when the overview has loaded.
        page.WaitForAssertion(() => Assert.Equal(39, page.FindAll("tbody tr td.col-code").Count));
        Assert.Contains("Tổng quan các chương trình vì trẻ em", page.Markup);
        Assert.Contains("Chương trình hành động quốc gia vì trẻ em giai đoạn 2021-2030", page.Markup);
        Assert.Contains("Số trẻ em bị bệnh tim bẩm sinh được hỗ trợ phẫu thuật tim", page.Markup);
        Assert.Contains("Toàn quốc 2025", page.Markup);
        Assert.Contains("Dữ liệu minh hoạ", page.Markup);
    }

    [Fact]
    public void FormatsNationalValuesInTheUsersCulture()
    {
        var page = Render<HomePage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("td.col-code")));
        var safeHomes = ValueOf(page, "INJ05");
        var childrenSupported = ValueOf(page, "CP03");

        Assert.Matches(@"^\d{1,3}(\.\d{3})+$", safeHomes);
        Assert.Matches(@"^\d{2},\d$", childrenSupported);
    }

    [Fact]
    public void SpeaksEnglishWhenTheUserChoseIt()
    {
        UseCulture("en-US");

        var page = Render<HomePage>();

        page.WaitForAssertion(() => Assert.Equal(39, page.FindAll("tbody tr td.col-code").Count));
        Assert.Contains("Overview of the programmes for children", page.Markup);
        Assert.Contains("Children with congenital heart disease supported for heart surgery", page.Markup);
        Assert.Matches(@"^\d{1,3}(,\d{3})+$", ValueOf(page, "INJ05"));
    }

    [Fact]
    public async Task ShowsTheNewValueAfterASave()
    {
        var page = Render<HomePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("td.col-code")));
        var before = ValueOf(page, "HRT01");

        await AddToStoredValueAsync("HEART_SURGERY", "2025Q4", 1000);

        page.WaitForAssertion(() => Assert.NotEqual(before, ValueOf(page, "HRT01")));
        var after = double.Parse(ValueOf(page, "HRT01").Replace(".", ""), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(double.Parse(before.Replace(".", ""), System.Globalization.CultureInfo.InvariantCulture) + 1000, after);
    }

    [Fact]
    public async Task DoesNotRenderAgainForAChangeToAnotherYear()
    {
        var page = Render<HomePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("td.col-code")));
        var before = ValueOf(page, "HRT01");
        var renders = page.RenderCount;

        // The page shows 2025: a 2019 change must not make it query or render again.
        await AddToStoredValueAsync("HEART_SURGERY", "2019Q2", 500);
        await Task.Delay(500);
        Assert.Equal(renders, page.RenderCount);

        // The same wait sees a change to 2025 render.
        await AddToStoredValueAsync("HEART_SURGERY", "2025Q4", 1000);
        page.WaitForAssertion(() => Assert.NotEqual(before, ValueOf(page, "HRT01")));
        Assert.True(page.RenderCount > renders);
    }

    // What a write does after its commit: the stored value, the analytics store, the change set.
    private async Task AddToStoredValueAsync(string element, string period, double added)
    {
        await using var db = Database.CreateDbContext();
        var value = await db.DataValues.FirstAsync(v => v.DataElement!.Code == element && v.Period == period);
        value.Value += added;
        await db.SaveChangesAsync();
        Services.GetRequiredService<ValueStore>().Apply(
            [new StoredValue(value.DataElementId, value.OrgUnitId, Period.Parse(value.Period), value.OptionCode, value.Value)]);
        var units = await Services.GetRequiredService<CatalogueCache>().GetAsync();
        Services.GetRequiredService<DataChangeNotifier>().Publish(ChangeSet.ForValues(
            units.Units, [(value.DataElementId, value.OrgUnitId, Period.Parse(value.Period))], "test", DateTimeOffset.UtcNow));
    }

    private static string ValueOf(IRenderedComponent<HomePage> page, string indicatorCode) =>
        page.FindAll("tbody tr")
            .Single(row => row.QuerySelector("td.col-code")?.TextContent == indicatorCode)
            .QuerySelector("td.col-number")?.TextContent.Trim() ?? "";

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
