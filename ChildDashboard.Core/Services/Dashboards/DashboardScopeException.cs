namespace ChildDashboard.Core.Services.Dashboards;

// A dashboard asked for a unit outside the user's scope: refused by the service, whatever the page offered.
public sealed class DashboardScopeException(string message) : Exception(message);
