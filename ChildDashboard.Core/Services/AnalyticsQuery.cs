namespace ChildDashboard.Core.Services;

// What /api/v1/analytics and the dashboards ask: every combination of these is answered.
// Indicators may hold "ALL"; units are codes or CODE@YYYY-MM-DD; periods are DHIS2 codes.
public sealed record AnalyticsQuery(IReadOnlyList<string> Indicators, IReadOnlyList<string> OrgUnits, IReadOnlyList<string> Periods);
