using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Services.Reports;

// The two reports a year to the ministry (domain.md §5): `2026S1` the six-month report (due 25 May),
// `2026` the annual report (due 20 November); nothing else names a report.
public static class MinistryReportPeriod
{
    public static bool TryParse(string? code, out Period covers, out string error)
    {
        error = "";
        if (Period.TryParse(code, out covers, out _)
            && (covers.Type == PeriodType.Yearly || (covers.Type == PeriodType.SixMonthly && covers.Index == 1)))
            return true;
        error = Language.Pick($"'{code}' không phải là một kỳ báo cáo Bộ: dùng 2026S1 (báo cáo 6 tháng) hoặc 2026 (báo cáo năm).",
            $"'{code}' is not a ministry report: use 2026S1 (six-month report) or 2026 (annual report).");
        return false;
    }

    // Reports are written by a province, or by the nation for the roll-up.
    public static bool IsReportingUnit(OrgUnit unit) => unit.Level <= 2;
}
