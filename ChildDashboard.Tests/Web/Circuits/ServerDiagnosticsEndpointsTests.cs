using System.Net;
using System.Text.Json;
using ChildDashboard.Tests.Web.Api;

namespace ChildDashboard.Tests.Web.Circuits;

// The memory report is for system administrators only: it can pause the server for a collection.
public class ServerDiagnosticsEndpointsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AnAdministratorReadsTheMemoryAndTheOpenPages()
    {
        var response = await factory.ClientFor("admin").GetAsync("/api/v1/diagnostics/memory?collect=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(report.GetProperty("gcHeapBytes").GetInt64() > 0);
        Assert.True(report.GetProperty("workingSetBytes").GetInt64() >= report.GetProperty("gcHeapBytes").GetInt64());
        Assert.Equal(0, report.GetProperty("openCircuits").GetInt32());
    }

    [Theory]
    [InlineData("analyst")]
    [InlineData("leader")]
    [InlineData("hanoi")]
    public async Task NobodyElseDoes(string user)
    {
        var response = await factory.ClientFor(user).GetAsync("/api/v1/diagnostics/memory?collect=true");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task NorAnAnonymousCaller()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/diagnostics/memory");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
