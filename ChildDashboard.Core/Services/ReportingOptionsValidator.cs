using Microsoft.Extensions.Options;

namespace ChildDashboard.Core.Services;

// A deadline must be a day every year has (no 30 February, and 29 February only some years), and a
// quarter's data cannot be due before the quarter ends or after the next one does.
public sealed class ReportingOptionsValidator : IValidateOptions<ReportingOptions>
{
    public const int MaxQuarterDeadlineDays = 90;

    public ValidateOptionsResult Validate(string? name, ReportingOptions options)
    {
        var failures = new List<string>();
        if (options.QuarterDeadlineDays is not (>= 0 and <= MaxQuarterDeadlineDays))
            failures.Add($"Reporting:QuarterDeadlineDays must be between 0 and {MaxQuarterDeadlineDays}, not {options.QuarterDeadlineDays}.");
        CheckDay("SixMonthReport", options.SixMonthReportMonth, options.SixMonthReportDay, failures);
        CheckDay("AnnualReport", options.AnnualReportMonth, options.AnnualReportDay, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckDay(string report, int month, int day, List<string> failures)
    {
        if (month is not (>= 1 and <= 12))
            failures.Add($"Reporting:{report}Month must be between 1 and 12, not {month}.");
        // 2025 is not a leap year: the day must exist in every year.
        else if (day < 1 || day > DateTime.DaysInMonth(2025, month))
            failures.Add($"Reporting:{report}Day must be a day of month {month} in every year (1 to {DateTime.DaysInMonth(2025, month)}), not {day}.");
    }
}
