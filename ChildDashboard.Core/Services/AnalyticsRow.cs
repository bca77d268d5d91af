using System.Text.Json.Serialization;
using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Services;

// One answer for (indicator, unit, period); OrgUnit echoes the unit as it was asked for.
// Partial is true for a period not over yet: it is answered from the data stored so far.
public sealed record AnalyticsRow(
    string Indicator, string OrgUnit, string Period,
    double? Value, double? Numerator, double? Denominator,
    double? Baseline, double? Target, double? Progress, double? Expected, IndicatorStatus Status,
    int? BaselineYear, int? TargetYear, bool Partial)
{
    // Only when the question asked for forecasts; null where none applies (domain.md §8). The API
    // writes it only when asked (AnalyticsForecastRow), so the plain answer keeps its shape.
    [JsonIgnore]
    public Forecast? Forecast { get; init; }
}
