using Bunit;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Services;
using ChildDashboard.Web.Components.Pages.Reporting;

namespace ChildDashboard.Tests.Web.Entry;

public class ReportingTableTests : MudTestContext
{
    private static readonly Period Quarter = Period.Parse("2026Q3");
    private static readonly DateOnly Deadline = new(2026, 10, 15);

    private static OrgUnit Province(string code, string name) =>
        new() { Code = code, NameVi = name, NameEn = name, Level = 2, OpeningDate = new DateOnly(2004, 1, 1) };

    private static readonly IReadOnlyList<FormCompleteness> Forms =
    [
        new(Province("01", "Hà Nội"), Quarter, 41, 41, FormStatus.Approved, Deadline, new DateOnly(2026, 10, 12), true, 0),
        new(Province("04", "Cao Bằng"), Quarter, 41, 40, FormStatus.Submitted, Deadline, new DateOnly(2026, 10, 17), false, 2),
        new(Province("11", "Điện Biên"), Quarter, 41, 0, FormStatus.Draft, Deadline, null, false, 45),
    ];

    [Fact]
    public void Every_unit_has_its_status_completeness_timeliness_and_days_overdue()
    {
        var table = Render<ReportingTable>(p => p.Add(t => t.Forms, Forms).Add(t => t.Quarter, Quarter));

        var rows = table.FindAll("tbody tr");
        Assert.Equal(3, rows.Count);
        var caoBang = table.Find("tr[data-unit='04']").TextContent;
        Assert.Contains("Đã gửi", caoBang);
        Assert.Contains("97,6 %", caoBang);
        Assert.Contains("17/10/2026", caoBang);
        Assert.Contains("Trễ hạn", caoBang);
        Assert.Contains("Chưa gửi", table.Find("tr[data-unit='11']").TextContent);
        Assert.Contains("45", table.Find("tr[data-unit='11']").TextContent);
        Assert.Contains("Đúng hạn", table.Find("tr[data-unit='01']").TextContent);
        Assert.Equal("entry?unit=04&quarter=2026Q3", table.Find("tr[data-unit='04'] a").GetAttribute("href"));
    }

    [Fact]
    public void The_summary_is_a_ratio_of_sums_in_the_users_language()
    {
        UseCulture("en-US");

        var table = Render<ReportingTable>(p => p.Add(t => t.Forms, Forms).Add(t => t.Quarter, Quarter));

        Assert.Contains("3 units must report; 2 submitted, 1 approved, 1 on time. Completeness 65.9 % (81 of 123 values).",
            System.Text.RegularExpressions.Regex.Replace(table.Find("[data-testid='reporting-summary']").TextContent, @"\s+", " "));
    }
}
