using System.Net;
using ChildDashboard.Core.Services;
using ChildDashboard.Tests.Web.Api;
using ChildDashboard.Web;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Health;

// The probes answer anyone, without a redirect to the sign-in page.
public class HealthEndpointsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    [Fact]
    public async Task LivenessAnswersHealthyToAnyone()
    {
        var response = await factory.CreateClient(NoRedirects).GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadinessWaitsForTheAnalyticsValues()
    {
        // The same app without the background load, so that the values stay unloaded until asked.
        await using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Remove(services.Single(s => s.ServiceType == typeof(AnalyticsWarmUp)))));
        var client = app.CreateClient(NoRedirects);

        var loading = await client.GetAsync("/health/ready");
        await app.Services.GetRequiredService<ValueStore>().WarmUpAsync();
        var loaded = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, loading.StatusCode);
        Assert.Equal("Unhealthy", await loading.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        Assert.Equal("Healthy", await loaded.Content.ReadAsStringAsync());
    }
}
