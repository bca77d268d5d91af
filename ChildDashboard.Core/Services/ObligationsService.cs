using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;

namespace ChildDashboard.Core.Services;

// What the reporting cycle asks of one user today: the forms they must still fill and submit (due
// quarters of the past year that are not submitted, in the units they enter data for), the forms
// waiting for their approval, the next quarter deadline and the next report to the ministry.
public sealed class ObligationsService(CompletenessService completeness, FormService forms, TimeProvider time)
{
    // How many due quarters back an unsubmitted form is still shown as owed.
    public const int QuartersBack = 4;

    public async Task<Obligations> ForAsync(UserAccess access, CancellationToken ct = default)
    {
        var today = VietnamClock.Today(time);
        var latest = forms.LatestDueQuarter();
        var due = Enumerable.Range(0, QuartersBack).Select(back => Back(latest, back)).ToList();
        var toFill = new List<FormCompleteness>();
        var toApprove = new List<FormCompleteness>();
        if (access.IsDataEntry || access.IsLeader || access.IsAdmin)
        {
            foreach (var quarter in due)
            {
                var quarterForms = await completeness.ForQuarterAsync(access, quarter, ct);
                toFill.AddRange(quarterForms.Where(f => access.IsDataEntry && access.CanEnterData(f.Unit) && f.Status == FormStatus.Draft));
                toApprove.AddRange(quarterForms.Where(f => (access.IsLeader || access.IsAdmin) && access.CanApprove(f.Unit) && f.Status == FormStatus.Submitted));
            }
        }
        var next = Back(latest, -1);
        var report = completeness.MinistryReports(today.Year).Concat(completeness.MinistryReports(today.Year + 1))
            .First(r => r.Deadline >= today);
        return new Obligations(
            toFill.OrderByDescending(f => f.DaysOverdue).ThenBy(f => f.Unit.Code).ToList(),
            toApprove.OrderBy(f => f.Quarter).ThenBy(f => f.Unit.Code).ToList(),
            next, completeness.Options.QuarterDeadline(next), report, today);
    }

    private static Period Back(Period quarter, int back)
    {
        var index = quarter.Year * 4 + quarter.Index - 1 - back;
        return Period.ForQuarter(index / 4, index % 4 + 1);
    }
}

public sealed record Obligations(
    IReadOnlyList<FormCompleteness> FormsToFill,
    IReadOnlyList<FormCompleteness> FormsToApprove,
    Period NextQuarter,
    DateOnly NextQuarterDeadline,
    MinistryReport NextReport,
    DateOnly Today)
{
    public int DaysToNextQuarterDeadline => NextQuarterDeadline.DayNumber - Today.DayNumber;
    public int DaysToNextReport => NextReport.Deadline.DayNumber - Today.DayNumber;
}
