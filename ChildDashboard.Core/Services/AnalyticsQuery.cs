namespace ChildDashboard.Core.Services;

// What /api/v1/analytics and the dashboards ask: every combination of these is answered.
// Indicators may hold "ALL"; units are codes or CODE@YYYY-MM-DD; periods are DHIS2 codes.
// Forecast: each row also carries the forecast of its indicator and unit (domain.md §8).
public sealed record AnalyticsQuery(IReadOnlyList<string> Indicators, IReadOnlyList<string> OrgUnits, IReadOnlyList<string> Periods, bool Forecast = false);
