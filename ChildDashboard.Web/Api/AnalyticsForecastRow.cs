using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Services;

namespace ChildDashboard.Web.Api;

// A row of GET /api/v1/analytics?forecast=true: the row's fields and its forecast, null where none
// applies (exchange.md §4).
public sealed record AnalyticsForecastRow(
    string Indicator, string OrgUnit, string Period,
    double? Value, double? Numerator, double? Denominator,
    double? Baseline, double? Target, double? Progress, double? Expected, IndicatorStatus Status,
    int? BaselineYear, int? TargetYear, bool Partial, Forecast? Forecast)
{
    public static AnalyticsForecastRow From(AnalyticsRow r) => new(
        r.Indicator, r.OrgUnit, r.Period, r.Value, r.Numerator, r.Denominator, r.Baseline, r.Target, r.Progress, r.Expected,
        r.Status, r.BaselineYear, r.TargetYear, r.Partial, r.Forecast);
}
