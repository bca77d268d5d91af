using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChildDashboard.Tests.Web.Api;
using ChildDashboard.Tests.Web.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChildDashboard.Tests.Web.Exchange;

// The export page's links, signed in by the cookie: the same files as the API's, the same scope.
public class DownloadEndpointsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<HttpClient> BrowserAsync(string userName)
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        await MatrixUsers.SignInAsync(browser, userName, ApiFactory.AdminPassword);
        return browser;
    }

    [Fact]
    public async Task TheCsvLinkGivesWhatTheApiGivesAndImportsBackUnchanged()
    {
        var api = factory.ClientFor("analyst");
        var posted = await api.PostAsync("/api/v1/dataValueSets", new StringContent(
            "dataelement,period,orgunit,categoryoptioncombo,value,comment\nHEART_SURGERY,2023Q2,79,MALE,11,\"một, hai\"\nTRAFFICKED,2023Q3,79,,2,\n",
            Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/dataValueSets?orgUnit=79@2023-01-01&period=2023&children=true");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var fromApi = await (await api.SendAsync(request)).Content.ReadAsStringAsync();

        var download = await (await BrowserAsync("analyst")).GetAsync("/export/values?orgUnit=79@2023-01-01&period=2023&children=true&format=csv");
        var csv = await download.Content.ReadAsStringAsync();
        var again = await api.PostAsync("/api/v1/dataValueSets?dryRun=true", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("dataValueSets.csv", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(fromApi, csv);
        Assert.Equal(3, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\"ignored\":2", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheWorkbookAndTemplateLinksDownloadAndOtherProvincesAreRefused()
    {
        var hanoi = await BrowserAsync("hanoi");

        var workbook = await hanoi.GetAsync("/export/values?orgUnit=01&period=2025&format=xlsx");
        var template = await hanoi.GetAsync("/export/template?orgUnit=01&period=2025Q3");
        var other = await hanoi.GetAsync("/export/values?orgUnit=15&period=2025&format=csv");
        var otherTemplate = await hanoi.GetAsync("/export/template?orgUnit=15&period=2025Q3");

        Assert.Equal((HttpStatusCode.OK, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (workbook.StatusCode, workbook.Content.Headers.ContentType?.MediaType));
        Assert.Equal("PK"u8.ToArray(), (await workbook.Content.ReadAsByteArrayAsync())[..2]);
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (other.StatusCode, otherTemplate.StatusCode));
    }
}
