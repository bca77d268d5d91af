using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Services.Dashboards;
using Microsoft.Extensions.Localization;

namespace ChildDashboard.Web.Components.Dashboards;

// How a period reads to a leader: "Năm 2024", "Quý III/2026", and for a period not over yet how
// far it goes ("2026, đến hết quý III").
public static class PeriodText
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    public static string Of(IStringLocalizer l, Period period) => period.Type switch
    {
        PeriodType.Yearly => l["DashPeriodYear", period.Year],
        PeriodType.SixMonthly => l["DashPeriodHalf" + period.Index, period.Year],
        PeriodType.Quarterly => l["DashPeriodQuarter", Roman[period.Index - 1], period.Index, period.Year],
        _ => period.Code,
    };

    public static string Of(IStringLocalizer l, Dashboard dashboard) =>
        !dashboard.IsPartial ? Of(l, dashboard.Period)
        : dashboard.DataThrough is { } through
            ? l["DashPeriodThrough", Of(l, dashboard.Period), Roman[through.Index - 1], through.Index]
            : l["DashPeriodSoFar", Of(l, dashboard.Period)];

    // The periods a leader can pick: each year from the first with data to this one, and each of
    // its halves and quarters that has started.
    public static IEnumerable<Period> Choices(int year, DateOnly today)
    {
        yield return Period.ForYear(year);
        for (var half = 1; half <= 2; half++)
        {
            if (Period.ForHalf(year, half).Start <= today)
                yield return Period.ForHalf(year, half);
        }
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            if (Period.ForQuarter(year, quarter).Start <= today)
                yield return Period.ForQuarter(year, quarter);
        }
    }
}
