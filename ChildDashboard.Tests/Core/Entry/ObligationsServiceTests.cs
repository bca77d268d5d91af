using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;

namespace ChildDashboard.Tests.Core.Entry;

// Today is 2026-11-29 (Vietnam): 2026Q3 is the latest due quarter (deadline 15/10/2026), 2026Q4's
// form is due 15/01/2027 and the annual report of 2026 (20/11) has passed, so the next report is
// the six-month report of 2027 (25/05/2027).
public abstract class ObligationsServiceTests(DatabaseProvider provider) : EntryTestBase(provider)
{
    private ObligationsService Service() => new(Completeness(), Forms(), Database.Time);

    private async Task SubmitAsync(string unit, Period quarter)
    {
        await using var db = Database.CreateDbContext();
        db.ReportForms.Add(new ReportForm
        {
            OrgUnitId = Unit(unit).Id, Period = quarter.Code, Status = FormStatus.Submitted,
            SubmittedAtUtc = new DateTime(2026, 10, 10, 3, 0, 0, DateTimeKind.Utc), SubmittedBy = "dataentry.01",
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task DataEntryStaffOweEveryUnsubmittedDueQuarterOfTheLastYearMostOverdueFirst()
    {
        var due = await Service().ForAsync(User(Roles.DataEntry, "01"));

        Assert.Equal(["2025Q4", "2026Q1", "2026Q2", "2026Q3"], due.FormsToFill.Select(f => f.Quarter.Code));
        Assert.All(due.FormsToFill, f => Assert.Equal("01", f.Unit.Code));
        var latest = due.FormsToFill[^1];
        Assert.Equal(new DateOnly(2026, 10, 15), latest.Deadline);
        Assert.Equal(45, latest.DaysOverdue);
        Assert.Empty(due.FormsToApprove);
        Assert.Equal("2026Q4", due.NextQuarter.Code);
        Assert.Equal(new DateOnly(2027, 1, 15), due.NextQuarterDeadline);
        Assert.Equal(47, due.DaysToNextQuarterDeadline);
        Assert.False(due.NextReport.Annual);
        Assert.Equal(new DateOnly(2027, 5, 25), due.NextReport.Deadline);
    }

    [Fact]
    public async Task ASubmittedFormLeavesTheStaffListAndWaitsForTheLeadersOfItsScopeOnly()
    {
        await SubmitAsync("01", Quarter);

        var staff = await Service().ForAsync(User(Roles.DataEntry, "01"));
        var leader = await Service().ForAsync(User(Roles.Leader, "01"));
        var national = await Service().ForAsync(User(Roles.Leader, "VN"));
        var otherProvince = await Service().ForAsync(User(Roles.Leader, "31"));

        Assert.DoesNotContain(staff.FormsToFill, f => f.Quarter == Quarter);
        Assert.Equal(3, staff.FormsToFill.Count);
        var waiting = Assert.Single(leader.FormsToApprove);
        Assert.Equal(("01", "2026Q3"), (waiting.Unit.Code, waiting.Quarter.Code));
        Assert.Equal(new DateOnly(2026, 10, 10), waiting.SubmittedOn);
        Assert.Empty(leader.FormsToFill);
        Assert.Contains(national.FormsToApprove, f => f.Unit.Code == "01");
        Assert.Empty(otherProvince.FormsToApprove);
    }

    [Fact]
    public async Task AnalystsOweNoFormsButSeeTheDeadlines()
    {
        await SubmitAsync("01", Quarter);

        var due = await Service().ForAsync(User(Roles.Analyst, "VN"));

        Assert.Empty(due.FormsToFill);
        Assert.Empty(due.FormsToApprove);
        Assert.Equal("2026Q4", due.NextQuarter.Code);
    }
}

public sealed class ObligationsServiceOnSqliteTests() : ObligationsServiceTests(DatabaseProvider.Sqlite);

public sealed class ObligationsServiceOnPostgresTests() : ObligationsServiceTests(DatabaseProvider.PostgreSQL);
