using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Api;

// The OpenAPI document and the API reference, both fetched without credentials.
public class ApiDocumentationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<JsonElement> DocumentAsync()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static JsonElement Operation(JsonElement document, string path, string method) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);

    [Fact]
    public async Task EveryApiEndpointIsInTheDocumentWithItsMethod()
    {
        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method =>
                (Path: "/" + e.RoutePattern.RawText?.TrimStart('/'), Method: method.ToLowerInvariant())))
            .ToList();
        var document = await DocumentAsync();
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Path: path.Name, Method: operation.Name)))
            .ToList();

        Assert.True(mapped.Count >= 5, $"Only {mapped.Count} API endpoints were found.");
        Assert.Equal(mapped.OrderBy(e => e.Path).ThenBy(e => e.Method), documented.OrderBy(e => e.Path).ThenBy(e => e.Method));
        foreach (var (path, method) in mapped)
        {
            var operation = Operation(document, path, method);
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{method} {path} has no summary.");
            Assert.True(operation.GetProperty("responses").TryGetProperty("401", out _), $"{method} {path} does not declare 401.");
        }
    }

    [Fact]
    public async Task RepeatableParametersAreArraysWithDescriptions()
    {
        var analytics = Operation(await DocumentAsync(), "/api/v1/analytics", "get");

        var parameters = analytics.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString() ?? "");

        foreach (var name in new[] { "indicator", "orgUnit", "period" })
        {
            Assert.Equal("array", parameters[name].GetProperty("schema").GetProperty("type").GetString());
            Assert.False(string.IsNullOrWhiteSpace(parameters[name].GetProperty("description").GetString()));
        }
    }

    [Fact]
    public async Task ImportsDescribeTheirBodiesAndAnswers()
    {
        var document = await DocumentAsync();
        var dataValues = Operation(document, "/api/v1/dataValueSets", "post");
        var targets = Operation(document, "/api/v1/targets", "post");

        string[] Formats(JsonElement operation) =>
            [.. operation.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name).Order()];
        string? Schema(JsonElement operation, string status, string mediaType) =>
            operation.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty(mediaType).GetProperty("schema").GetProperty("$ref").GetString();

        const string xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        Assert.Equal(["application/json", xlsx, "multipart/form-data", "text/csv"], Formats(dataValues));
        Assert.Equal([xlsx, "multipart/form-data", "text/csv"], Formats(targets));
        foreach (var operation in new[] { dataValues, targets })
        {
            Assert.Equal("#/components/schemas/ImportReport", Schema(operation, "200", "application/json"));
            Assert.Equal("#/components/schemas/ImportReport", Schema(operation, "409", "application/json"));
            Assert.Equal("#/components/schemas/ProblemDetails", Schema(operation, "403", "application/problem+json"));
            Assert.Equal("#/components/schemas/ProblemDetails", Schema(operation, "413", "application/problem+json"));
        }
    }

    [Fact]
    public async Task TheReferenceIsAnAnonymousPageThatLoadsItsScriptFromThisSite()
    {
        var client = factory.CreateClient();

        var page = await client.GetAsync("/api/docs");
        var html = await page.Content.ReadAsStringAsync();
        var script = await client.GetAsync("/api/docs/scalar.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // Not the sign-in page after a redirect.
        Assert.Equal("/api/docs/", page.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", html);
        Assert.Contains("<script src=\"scalar.js\">", html);
        Assert.DoesNotContain("https://", html);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }
}
