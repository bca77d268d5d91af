using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Services;

// One province's form for one quarter (domain.md §5): values expected and entered, its status
// (Draft when no form was started), deadline, first submission (Vietnam date) and timeliness.
public sealed record FormCompleteness(
    OrgUnit Unit, Period Quarter, int Expected, int Entered, FormStatus Status, DateOnly Deadline, DateOnly? SubmittedOn, bool OnTime, int DaysOverdue)
{
    public double Completeness => Expected == 0 ? 0 : (double)Entered / Expected;
    public bool IsSubmitted => Status != FormStatus.Draft;
}

// Completeness of a unit for a period: the ratio of sums over the forms of the reporting provinces
// in its territory, for each quarter of the period that has started.
public sealed record CompletenessSummary(OrgUnit Unit, Period Period, IReadOnlyList<FormCompleteness> Forms)
{
    public int Expected => Forms.Sum(f => f.Expected);
    public int Entered => Forms.Sum(f => f.Entered);
    public double Completeness => Expected == 0 ? 0 : (double)Entered / Expected;
    public int Submitted => Forms.Count(f => f.IsSubmitted);
    public int Approved => Forms.Count(f => f.Status == FormStatus.Approved);
    public int OnTime => Forms.Count(f => f.OnTime);
    public int Late => Forms.Count(f => f.DaysOverdue > 0);
}

// One of the ministry's two reports a year: when it is due, the period it covers (the first half
// year, or the year, as Decree 09/2019/NĐ-CP sets the report periods), the quarters whose forms are
// due before it, and those it can only estimate (not due, or not over, by its deadline).
public sealed record MinistryReport(bool Annual, Period Covers, DateOnly Deadline, IReadOnlyList<Period> QuartersDue, IReadOnlyList<Period> QuartersEstimated);
