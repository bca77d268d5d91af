using ChildDashboard.Core.Services;

namespace ChildDashboard.Web.Api;

// GET /api/v1/analytics: {"rows":[...]} (exchange.md §4).
public sealed record AnalyticsResponse(IReadOnlyList<AnalyticsRow> Rows);

// GET /api/v1/analytics?forecast=true: every row with its forecast.
public sealed record AnalyticsForecastResponse(IReadOnlyList<AnalyticsForecastRow> Rows);
