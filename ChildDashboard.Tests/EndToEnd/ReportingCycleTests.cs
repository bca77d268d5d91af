using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace ChildDashboard.Tests.EndToEnd;

// The whole reporting cycle in two browsers: Hà Nội's data-entry user fills a value and submits;
// a national leader returns that one value with a question; the user fixes it and submits again;
// the leader approves; the form is locked for both; the dashboard shows the approved figure.
[Collection(EndToEndCollection.Name)]
public class ReportingCycleTests(AppFixture app)
{
    private const string Question = "Số trẻ nam thấp bất thường, đề nghị kiểm tra lại";

    [Fact]
    public async Task StaffSubmitALeaderReturnsOneValueStaffFixItTheLeaderApprovesAndTheDashboardShowsIt()
    {
        // A quarter of its own (other tests write into the latest one), opened as a draft again.
        var quarter = PreviousQuarter(LastCompleteQuarter());
        await ExecuteAsync($"UPDATE ReportForms SET Status = 'Draft' WHERE Period = '{quarter}' AND OrgUnitId = (SELECT Id FROM OrgUnits WHERE Code = '01' AND ClosedDate IS NULL)");
        var entryUrl = $"/entry?unit=01&quarter={quarter}";
        var quarterName = $"Quý {quarter[^1]}/{quarter[..4]}";

        // Staff see the form among what they owe on their home page.
        var staff = await SignInAsync("nhaplieu.hanoi");
        await Assertions.Expect(staff.Locator("[data-testid=obligation-fill]", new() { HasText = quarterName })).ToBeVisibleAsync();
        await Assertions.Expect(staff.Locator("[data-testid=obligation-next-report]")).ToContainTextAsync("Báo cáo");

        await OpenFormAsync(staff, entryUrl);
        var male = staff.Locator("input[data-cell='HEART_SURGERY.MALE']");
        var female = staff.Locator("input[data-cell='HEART_SURGERY.FEMALE']");
        var wrong = await NumberAsync(male) + 1;
        var girls = await NumberAsync(female);
        await TypeAsync(staff, male, wrong);
        await SubmitAsync(staff);

        // The leader questions that one value and returns the form.
        var leader = await SignInAsync("lanhdao");
        await OpenFormAsync(leader, entryUrl);
        await Assertions.Expect(leader.Locator("[data-testid=entry-status]")).ToHaveTextAsync("Đã gửi");
        await leader.Locator("[data-testid=ask-HEART_SURGERY]").ClickAsync();
        await leader.Locator("[data-testid=ask-text-HEART_SURGERY]").FillAsync(Question);
        await leader.Keyboard.PressAsync("Tab");
        await Assertions.Expect(leader.Locator("[data-testid=entry-return]")).ToContainTextAsync("1");
        await leader.Locator("[data-testid=entry-return]").ClickAsync();
        await Assertions.Expect(leader.Locator("[data-testid=entry-status]")).ToHaveTextAsync("Nháp");

        // Staff see the question beside the cell, fix the value and submit again.
        await OpenFormAsync(staff, entryUrl);
        await Assertions.Expect(staff.Locator("[data-testid=entry-status]")).ToHaveTextAsync("Nháp");
        await Assertions.Expect(staff.Locator("[data-testid=note-HEART_SURGERY]")).ToContainTextAsync(Question);
        var fixedValue = wrong + 2;
        await TypeAsync(staff, male, fixedValue);
        await SubmitAsync(staff);
        await Assertions.Expect(staff.Locator("[data-testid=note-HEART_SURGERY]")).ToHaveCountAsync(0);

        // The leader approves; the form is locked for both.
        await OpenFormAsync(leader, entryUrl);
        await Assertions.Expect(leader.Locator("[data-testid=entry-status]")).ToHaveTextAsync("Đã gửi");
        await leader.Locator("[data-testid=entry-approve]").ClickAsync();
        await Assertions.Expect(leader.Locator("[data-testid=entry-status]")).ToHaveTextAsync("Đã duyệt");
        await Assertions.Expect(leader.Locator("input[data-cell='HEART_SURGERY.MALE']")).ToBeDisabledAsync();
        await OpenFormAsync(staff, entryUrl);
        await Assertions.Expect(staff.Locator("[data-testid=entry-status]")).ToHaveTextAsync("Đã duyệt");
        await Assertions.Expect(male).ToBeDisabledAsync();
        await Assertions.Expect(staff.Locator("[data-testid=entry-submit]")).ToHaveCountAsync(0);
        var total = fixedValue + girls;

        // The leader's dashboard for Hà Nội in that quarter shows the approved figure.
        await leader.GotoAsync($"/?unit=01&period={quarter}");
        var figure = leader.Locator("tr.ind-row[data-indicator=HRT01] td.col-value");
        await Assertions.Expect(figure).ToHaveTextAsync(new Regex($@"^\s*{Regex.Escape(total.ToString("N0", new System.Globalization.CultureInfo("vi-VN")))}\b"));
    }

    private async Task<IPage> SignInAsync(string userName)
    {
        var password = Regex.Match(app.Server.Output, $@"^\s*{Regex.Escape(userName)}\s+(\S+)\s", RegexOptions.Multiline).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(password), $"No password printed for {userName}.");
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Tổng quan");
        return page;
    }

    // The form takes input once its circuit is up: it attaches its keyboard module then.
    private static async Task OpenFormAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator(".entry-form[data-keys=on]")).ToHaveCountAsync(1);
    }

    private static async Task<int> NumberAsync(ILocator cell)
    {
        await Assertions.Expect(cell).ToBeEnabledAsync();
        var digits = Regex.Replace(await cell.InputValueAsync(), @"\D", "");
        return digits.Length == 0 ? 0 : int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }

    // Typed, then Tab: the form saves on change; the cell shows it saved.
    private static async Task TypeAsync(IPage page, ILocator cell, int value)
    {
        await cell.FillAsync(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await cell.PressAsync("Tab");
        await Assertions.Expect(cell).ToHaveClassAsync(new Regex(@"\bentry-saved\b"));
    }

    private static async Task SubmitAsync(IPage page)
    {
        var submit = page.Locator("[data-testid=entry-submit]");
        await Assertions.Expect(submit).ToBeEnabledAsync();
        await submit.ClickAsync();
        // Either the status changes or the refusal says why.
        var outcome = page.Locator("[data-testid=entry-status]", new() { HasText = "Đã gửi" }).Or(page.Locator("[data-testid=entry-step-error]"));
        await Assertions.Expect(outcome).ToBeVisibleAsync();
        if (await page.Locator("[data-testid=entry-step-error]").CountAsync() > 0)
            Assert.Fail("Submitting was refused: " + await page.Locator("[data-testid=entry-step-error]").InnerTextAsync());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={app.Server.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static string LastCompleteQuarter()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var end = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1).AddDays(-1);
        return $"{end.Year}Q{(end.Month - 1) / 3 + 1}";
    }

    private static string PreviousQuarter(string quarter)
    {
        var (year, index) = (int.Parse(quarter[..4], System.Globalization.CultureInfo.InvariantCulture), quarter[^1] - '0');
        return index == 1 ? $"{year - 1}Q4" : $"{year}Q{index - 1}";
    }
}
