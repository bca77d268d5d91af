using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Tests.Core.Entry;

public abstract class CompletenessServiceTests(DatabaseProvider provider) : EntryTestBase(provider)
{
    private const int QuarterlyPairs = 41;
    private const int YearlyPairs = 15;
    private static readonly DateOnly LastDayBeforeMerger = new(2025, 6, 30);

    private int ClosedAtMerger => Catalogue.Units.All.Count(u => u.Level == 2 && u.ClosedDate == LastDayBeforeMerger);
    private int Unchanged => Catalogue.Units.All.Count(u => u.Level == 2 && u.IsOpenOn(LastDayBeforeMerger) && u.ClosedDate is null);

    private Task<CompletenessSummary?> ForAsync(string code, string period, string openOn = "2026-11-29") =>
        Completeness().ForUnitAsync(User(Roles.Leader, "VN"), Unit(code, openOn), Period.Parse(period));

    [SkippableFact]
    public async Task The_reporting_provinces_are_63_before_the_merger_and_34_from_it()
    {
        Assert.Equal((52, 11), (ClosedAtMerger, Unchanged));

        var q2 = await ForAsync("VN", "2025Q2");
        var q3 = await ForAsync("VN", "2025Q3");
        var year = await ForAsync("VN", "2025");

        Assert.Equal(63, q2!.Forms.Count);
        // The 52 provinces that closed report their 2025 yearly values in their 2025Q2 forms.
        Assert.Equal(63 * QuarterlyPairs + 52 * YearlyPairs, q2.Expected);
        Assert.Equal(34, q3!.Forms.Count);
        Assert.Equal(1394, q3.Expected);
        // 2025Q4: the 23 new provinces have no yearly values for 2025, the 11 unchanged ones do.
        Assert.Equal(63 + 63 + 34 + 34, year!.Forms.Count);
        Assert.Equal(2 * 63 * QuarterlyPairs + 52 * YearlyPairs + 2 * 34 * QuarterlyPairs + 11 * YearlyPairs, year.Expected);
        Assert.Equal(0, year.Entered);
    }

    [SkippableFact]
    public async Task A_merged_province_covers_its_predecessors_forms_and_a_closed_one_only_its_own()
    {
        var newLaoCai = await ForAsync("15", "2025Q2");
        var yenBaiQ3 = await ForAsync("15", "2025Q3", "2025-01-01");
        var yenBaiYear = await ForAsync("15", "2025", "2025-01-01");

        Assert.Equal(["10", "15"], newLaoCai!.Forms.Select(f => f.Unit.Code).Order());
        Assert.Null(yenBaiQ3);
        Assert.Equal(["2025Q1", "2025Q2"], yenBaiYear!.Forms.Select(f => f.Quarter.Code));
    }

    [SkippableFact]
    public async Task Completeness_is_a_ratio_of_sums_and_never_exceeds_one()
    {
        var clerk = User(Roles.DataEntry, "VN");
        // Hà Nội: 2 of 41 entered; Hải Phòng: 1 of 41.
        await SaveAsync(clerk, "ABANDONED", 1);
        await SaveAsync(clerk, "HEART_SURGERY", 0, "MALE");
        await SaveAsync(clerk, "ABANDONED", 3, unit: "31");

        var hanoi = await ForAsync("01", Quarter.Code);
        var nation = await ForAsync("VN", Quarter.Code);

        Assert.Equal((41, 2), (hanoi!.Expected, hanoi.Entered));
        Assert.Equal(3, nation!.Entered);
        Assert.Equal(3.0 / (34 * 41), nation.Completeness, 12);
    }

    [SkippableFact]
    public async Task A_value_on_a_unit_below_the_province_counts_once()
    {
        await using (var db = Database.CreateDbContext())
        {
            var commune = new OrgUnit { Code = "00001", NameVi = "Phường Thử", NameEn = "Test Ward", Level = 3, ParentId = Unit("01").Id, OpeningDate = new DateOnly(2025, 7, 1) };
            db.OrgUnits.Add(commune);
            await db.SaveChangesAsync();
            db.DataValues.Add(new DataValue { DataElementId = Element("FORUMS").Id, OrgUnitId = commune.Id, Period = Quarter.Code, Value = 2 });
            db.DataValues.Add(new DataValue { DataElementId = Element("FORUMS").Id, OrgUnitId = Unit("01").Id, Period = Quarter.Code, Value = 1 });
            await db.SaveChangesAsync();
        }

        var hanoi = await ForAsync("01", Quarter.Code);

        Assert.Equal(1, hanoi!.Entered);
    }

    [SkippableTheory]
    // The deadline of 2026Q3 is 2026-10-15, Vietnam time (UTC+7).
    [InlineData("2026-10-15T16:59:00Z", true, 0)]
    [InlineData("2026-10-15T17:00:00Z", false, 1)]
    [InlineData("2026-10-01T02:00:00Z", true, 0)]
    [InlineData(null, false, 45)]
    public async Task Timeliness_counts_the_first_submission_in_Vietnam_time(string? firstSubmitted, bool onTime, int daysOverdue)
    {
        await using (var db = Database.CreateDbContext())
        {
            var at = firstSubmitted is null ? (DateTime?)null : DateTime.Parse(firstSubmitted, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
            db.ReportForms.Add(new ReportForm
            {
                OrgUnitId = Unit("01").Id, Period = Quarter.Code, Status = at is null ? FormStatus.Draft : FormStatus.Submitted,
                FirstSubmittedAtUtc = at, SubmittedAtUtc = at?.AddDays(20),
            });
            await db.SaveChangesAsync();
        }

        var form = Assert.Single((await ForAsync("01", Quarter.Code))!.Forms);

        Assert.Equal(new DateOnly(2026, 10, 15), form.Deadline);
        Assert.Equal((onTime, daysOverdue), (form.OnTime, form.DaysOverdue));
    }

    [SkippableFact]
    public async Task A_province_user_sees_its_own_forms_and_is_refused_others()
    {
        var hanoi = User(Roles.DataEntry, "01");

        var forms = await Completeness().ForQuarterAsync(hanoi, Quarter);

        Assert.Equal("01", Assert.Single(forms).Unit.Code);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Completeness().ForUnitAsync(hanoi, Unit("VN"), Quarter));
    }

    [SkippableFact]
    public async Task Quarters_not_started_have_no_forms()
    {
        Assert.Null(await ForAsync("VN", "2027Q1"));
        Assert.Equal(4 * 34, (await ForAsync("VN", "2026"))!.Forms.Count);
        await using var db = Database.CreateDbContext();
        Assert.False(await db.ReportForms.AnyAsync());
    }
}

public sealed class CompletenessServiceOnSqliteTests() : CompletenessServiceTests(DatabaseProvider.Sqlite);

public sealed class CompletenessServiceOnPostgresTests() : CompletenessServiceTests(DatabaseProvider.PostgreSQL);
