namespace ChildDashboard.Core.Services;

// The reporting calendar (domain.md §5), bound from the `Reporting` configuration section: a
// quarter's form is due this many days after the quarter ends, and the ministry's two reports
// are due on these days of the year (month, day).
public sealed class ReportingOptions
{
    public int QuarterDeadlineDays { get; set; } = 15;
    public int SixMonthReportMonth { get; set; } = 5;
    public int SixMonthReportDay { get; set; } = 25;
    public int AnnualReportMonth { get; set; } = 11;
    public int AnnualReportDay { get; set; } = 20;

    public DateOnly QuarterDeadline(Domain.Period quarter) => quarter.End.AddDays(QuarterDeadlineDays);
}
