using System.Net;
using System.Text;
using System.Text.Json;

namespace ChildDashboard.Tests.Web.Api;

public class ApiServerErrorTests(BrokenDatabaseFactory factory) : IClassFixture<BrokenDatabaseFactory>
{
    [Fact]
    public async Task AFailureInsideIsA500ProblemWithATraceIdAndNoSqlOrStackTrace()
    {
        var client = factory.ClientFor("analyst");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var response = await client.PostAsync("/api/v1/dataValueSets",
            new StringContent("dataelement,period,orgunit,categoryoptioncombo,value\nHEART_SURGERY,2024Q1,01,MALE,1\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Server error", problem.GetProperty("title").GetString());
        Assert.StartsWith("Something went wrong on the server; the request was not carried out. Reference: ", problem.GetProperty("detail").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        Assert.DoesNotContain("SQLite", text);
        Assert.DoesNotContain("SELECT", text);
        Assert.DoesNotContain("AspNetUsers", text);
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("InvalidOperationException", text);
    }
}
