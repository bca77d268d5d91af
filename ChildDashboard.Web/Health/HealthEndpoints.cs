using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ChildDashboard.Web.Health;

// Probes for a container or load balancer, anonymous and without data: /health says the process
// answers, /health/ready (503 until then) that the database answers and the analytics are loaded.
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddHealthProbes(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<AnalyticsHealthCheck>("analytics", tags: [Ready]);
        return services;
    }

    public static void MapHealthProbes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) }).AllowAnonymous();
    }
}
