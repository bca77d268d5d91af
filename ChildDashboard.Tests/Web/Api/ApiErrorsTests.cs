using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Services;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Api;

// Every API error is RFC 7807 problem JSON in the caller's language, never a login redirect, the
// site's HTML error page, a stack trace or SQL.
public class ApiErrorsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task AnUnknownApiAddressIsA404ProblemNotALoginRedirectEvenWithValidCredentials()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", factory.TokenOf("analyst"));

        var response = await client.GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ProblemOf(response);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("Không tìm thấy", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AnUnknownApiAddressWithoutCredentialsIsA401Problem()
    {
        var response = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/api/v2/values");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Cần đăng nhập", (await ProblemOf(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task AWrongMethodIsA405Problem()
    {
        var response = await factory.ClientFor("analyst").PutAsync("/api/v1/metadata", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("Phương thức không được hỗ trợ", (await ProblemOf(response)).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("en", "Authentication required")]
    [InlineData("en-GB", "Authentication required")]
    [InlineData("fr, en;q=0.5", "Authentication required")]
    [InlineData("vi", "Cần đăng nhập")]
    [InlineData("vi-VN, en;q=0.8", "Cần đăng nhập")]
    [InlineData("de", "Cần đăng nhập")]
    [InlineData("", "Cần đăng nhập")]
    public async Task ProblemsFollowTheLanguageAskedForIncludingPlainEn(string acceptLanguage, string title)
    {
        var client = factory.CreateClient();
        if (acceptLanguage.Length > 0)
            client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var response = await client.GetAsync("/api/v1/metadata");

        Assert.Equal(title, (await ProblemOf(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task ABadParameterIsA400ProblemThatNamesIt()
    {
        var client = factory.ClientFor("analyst");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var response = await client.GetAsync("/api/v1/dataValueSets?orgUnit=01&period=2024&children=perhaps");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("children", (await ProblemOf(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task StoredValuesNearDoublesLimitGiveNoFigureRatherThanA500()
    {
        // Values stored before inputs were bounded: two of them add up to infinity.
        var catalogue = await factory.Services.GetRequiredService<CatalogueCache>().GetAsync();
        var element = catalogue.ElementsByCode["HEART_SURGERY"];
        var hcm = catalogue.Units.FindOpen("79", new DateOnly(2019, 1, 1)) ?? throw new InvalidOperationException();
        var haNoi = catalogue.Units.FindOpen("01", new DateOnly(2019, 1, 1)) ?? throw new InvalidOperationException();
        factory.Services.GetRequiredService<ValueStore>().Apply([
            new StoredValue(element.Id, hcm.Id, Period.ForQuarter(2019, 1), "MALE", 1.7e308),
            new StoredValue(element.Id, haNoi.Id, Period.ForQuarter(2019, 1), "MALE", 1.7e308),
        ]);

        var response = await factory.ClientFor("analyst").GetAsync("/api/v1/analytics?indicator=HRT01&orgUnit=VN&orgUnit=79&period=2019");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("rows").EnumerateArray().ToList();
        var national = rows.Single(r => r.GetProperty("orgUnit").GetString() == "VN");
        Assert.Equal(JsonValueKind.Null, national.GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, national.GetProperty("numerator").ValueKind);
        Assert.Equal(1.7e308, rows.Single(r => r.GetProperty("orgUnit").GetString() == "79").GetProperty("value").GetDouble());
    }
}
