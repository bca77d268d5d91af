using Bunit;
using ChildDashboard.Core.Identity;
using ChildDashboard.Tests.Core.Exchange;
using ChildDashboard.Web.Components.Pages.Exchange;
using Microsoft.AspNetCore.Components.Forms;

namespace ChildDashboard.Tests.Web.Exchange;

public class ImportPageTests : ExchangePageContext
{
    private const string Header = "dataelement,period,orgunit,categoryoptioncombo,value,comment,deleted\n";

    private IRenderedComponent<ImportPage> Rendered()
    {
        var page = Render<ImportPage>();
        page.WaitForElement("input[type='file']");
        return page;
    }

    private static void Upload(IRenderedComponent<ImportPage> page, string name, byte[] content) =>
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(content, name));

    private static void Upload(IRenderedComponent<ImportPage> page, string name, string content) =>
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(content, name));

    private static string Text(IRenderedComponent<ImportPage> page, string testId) =>
        page.Find($"[data-testid='{testId}']").TextContent.Trim();

    [Fact]
    public async Task APreviewCountsAndListsEachChangeOldToNewWritesNothingAndTheCommitWritesIt()
    {
        UseCulture("en-US");
        await SignInAsync(Roles.DataEntry, "01");
        await StoreAsync("HEART_SURGERY,2026Q3,01,MALE,4,\nHEART_SURGERY,2026Q3,01,FEMALE,3,\nSWIM_TRAINED,2026Q3,01,MALE,1200,\n");
        var page = Rendered();

        Upload(page, "hanoi.csv", Header + "HEART_SURGERY,2026Q3,01,MALE,5,,\nHEART_SURGERY,2026Q3,01,FEMALE,,,true\nSWIM_TRAINED,2026Q3,01,MALE,1200,,\nSWIM_TRAINED,2026Q3,01,FEMALE,1500,,\n");
        page.WaitForElement("[data-testid='import-counts']");

        Assert.Equal(("1", "1", "1", "1"), (Text(page, "count-created"), Text(page, "count-updated"), Text(page, "count-deleted"), Text(page, "count-unchanged")));
        var values = page.FindAll("[data-testid='change-values']").Select(c => System.Text.RegularExpressions.Regex.Replace(c.TextContent, @"\s+", " ").Trim()).ToList();
        Assert.Equal(["4 → 5", "3 → empty", "empty → 1,500"], values);
        Assert.Contains("Changes (3)", page.Markup);
        Assert.Equal(3, (await StoredAsync()).Count);

        page.Find("button[data-testid='import-commit']").Click();
        page.WaitForElement("[data-testid='import-done']");

        Assert.Contains("Imported hanoi.csv: 1 new, 1 updated, 1 deleted, 1 unchanged.", Text(page, "import-done"));
        Assert.Equal([("HEART_SURGERY", "MALE", 5.0), ("SWIM_TRAINED", "FEMALE", 1500.0), ("SWIM_TRAINED", "MALE", 1200.0)], await StoredAsync());
    }

    [Fact]
    public async Task EveryRejectedRowIsListedWithItsSheetRowColumnValueAndMessageInVietnamese()
    {
        await SignInAsync(Roles.DataEntry, "01");
        var workbook = new XlsxFile().Sheet("DataValues",
            ["dataelement", "period", "orgunit", "categoryoptioncombo", "value"],
            ["HEART_SURGERY", "2026Q3", "01", "MALE", -3.0],
            ["HEART_SURGERY", "2026Q3", "15", "MALE", 2.0],
            ["HEART_SURGERY", "2026Q3", "01", "FEMALE", 2.0]).Bytes();
        var page = Rendered();

        Upload(page, "sai.xlsx", workbook);
        page.WaitForElement("[data-testid='import-conflicts']");

        Assert.Contains("sai.xlsx: 2 lỗi — không có gì được ghi.", Text(page, "import-rejected"));
        var rows = page.FindAll("[data-testid='import-conflicts'] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["DataValues", "2", "E", "-3"], rows[0].Take(4));
        Assert.Contains("âm", rows[0][4]);
        Assert.Equal(["DataValues", "3", "C", "15"], rows[1].Take(4));
        Assert.Contains("phạm vi", rows[1][4]);
        Assert.Empty(page.FindAll("[data-testid='import-commit']"));
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task AFigureChangedSinceThePreviewStopsTheCommitWithItsReason()
    {
        UseCulture("en-US");
        await SignInAsync(Roles.Analyst, "VN");
        await StoreAsync("HEART_SURGERY,2026Q3,01,MALE,4,\n");
        var page = Rendered();
        Upload(page, "hanoi.csv", Header + "HEART_SURGERY,2026Q3,01,MALE,5,,\n");
        page.WaitForElement("[data-testid='import-commit']");

        await StoreAsync("HEART_SURGERY,2026Q3,01,MALE,6,\n");
        page.Find("button[data-testid='import-commit']").Click();
        page.WaitForElement("[data-testid='import-commit-failed']");

        Assert.Contains("changed since the preview (then: 4, now: 6)", page.Find("[data-testid='import-conflicts']").TextContent);
        Assert.Equal([("HEART_SURGERY", "MALE", 6.0)], await StoredAsync());
    }

    [Fact]
    public async Task AFileOverTheLimitOrNotAWorkbookIsRefusedWithAClearMessage()
    {
        UseCulture("en-US");
        await SignInAsync(Roles.DataEntry, "01");
        var page = Rendered();

        Upload(page, "big.csv", new byte[MaxFileBytes + 1]);
        var tooLarge = page.WaitForElement("[data-testid='import-refused']").TextContent;
        Upload(page, "renamed.xlsx", "dataelement,period\n");
        page.WaitForAssertion(() => Assert.Contains("renamed.xlsx", Text(page, "import-refused")));
        var notAWorkbook = Text(page, "import-refused");
        Upload(page, "notes.txt", "hello");
        page.WaitForAssertion(() => Assert.Contains("notes.txt", Text(page, "import-refused")));

        Assert.Contains("over the 0.06 MB limit", tooLarge);
        Assert.Contains("The file renamed.xlsx is refused.", notAWorkbook);
        Assert.Contains("only .csv and .xlsx files are", Text(page, "import-refused"));
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task OnlyAdministratorsAndAnalystsMayChooseTargets()
    {
        await SignInAsync(Roles.DataEntry, "01");
        var clerk = Rendered();
        Assert.Empty(clerk.FindAll("[data-testid='import-kind']"));
    }

    [Fact]
    public async Task AnAnalystPreviewsAndImportsTargets()
    {
        UseCulture("en-US");
        await SignInAsync(Roles.Analyst, "VN");
        var page = Rendered();
        page.FindComponents<MudBlazor.MudRadio<ImportKind>>()[1].Find("input").Click();
        page.WaitForAssertion(() => Assert.Contains("Targets sheet", page.Markup));

        Upload(page, "targets.csv", "indicator,orgunit,baseline_year,baseline_value,target_year,target_value,source\nHRT01,79,2020,100,2030,240,plan\n");
        page.WaitForElement("button[data-testid='import-commit']");
        Assert.Contains("Target year", page.Markup);
        page.Find("button[data-testid='import-commit']").Click();

        page.WaitForAssertion(() => Assert.Contains("1 new", Text(page, "import-done")));
    }
}
