using ChildDashboard.Core.Services;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChildDashboard.Web.Health;

// Until the values are in memory the first dashboard or analytics request would wait for the load.
public sealed class AnalyticsHealthCheck(ValueStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.IsLoaded ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The analytics values are still loading."));
}
