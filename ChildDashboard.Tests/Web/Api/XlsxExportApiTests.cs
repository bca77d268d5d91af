using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Exchange.Xlsx;
using ChildDashboard.Web.Api;

namespace ChildDashboard.Tests.Web.Api;

// GET /api/v1/dataValueSets streamed as CSV and .xlsx: DHIS2's eleven columns, text never turned
// into a formula, and an export that imports back as "ignored" for every value.
public class XlsxExportApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Query = "/api/v1/dataValueSets?orgUnit=48@2024-01-01&period=2024&children=true";

    private async Task<HttpClient> SeededAsync()
    {
        var client = factory.ClientFor("analyst");
        var csv = "dataelement,period,orgunit,categoryoptioncombo,value,comment\n" +
            "HEART_SURGERY,2024Q1,48,MALE,7,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"bấm\"\")\"\n" +
            "HEART_SURGERY,2024Q1,48,FEMALE,6,+cmd|' /C calc'!A0\n" +
            "TRAFFICKED,2024Q2,48,,0,@SUM(1)\n" +
            "BUDGET_ALLOC,2024,48,,1234567.5,-2+3\n";
        var response = await client.PostAsync("/api/v1/dataValueSets", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Query);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task TheXlsxExportHasTheElevenColumnsKeepsTextAsTextAndImportsBackUnchanged()
    {
        var client = await SeededAsync();

        var response = await GetAsync(client, RequestBody.XlsxMediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(RequestBody.XlsxMediaType, response.Content.Headers.ContentType?.MediaType);
        var read = DataValueXlsx.Read(new MemoryStream(bytes), new XlsxLimits(1 << 24));
        Assert.Empty(read.Conflicts);
        Assert.Equal(4, read.Rows.Count);
        Assert.Contains(read.Rows, r => r.Comment == "=HYPERLINK(\"http://evil.example\",\"bấm\")" && r.Value == "7");
        Assert.Contains(read.Rows, r => r.DataElement == "BUDGET_ALLOC" && r.Value == "1234567.5" && r.Comment == "-2+3");
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
        {
            using var sheet = new StreamReader(zip.Entries.Single(e => e.FullName.Contains("worksheets", StringComparison.Ordinal)).Open());
            var xml = await sheet.ReadToEndAsync();
            Assert.DoesNotContain("<f>", xml, StringComparison.Ordinal);
            Assert.Contains("dataelement", xml, StringComparison.Ordinal);
        }

        var again = await client.PostAsync("/api/v1/dataValueSets", new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(RequestBody.XlsxMediaType) } });
        var count = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("importCount");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((0, 0, 0, 4), (count.GetProperty("imported").GetInt32(), count.GetProperty("updated").GetInt32(),
            count.GetProperty("deleted").GetInt32(), count.GetProperty("ignored").GetInt32()));
    }

    [Fact]
    public async Task TheStreamedCsvKeepsEveryFieldAndImportsBackUnchanged()
    {
        var client = await SeededAsync();

        var response = await GetAsync(client, "text/csv");
        var csv = await response.Content.ReadAsStringAsync();
        var again = await client.PostAsync("/api/v1/dataValueSets", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.StartsWith("dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted\r\n", csv);
        Assert.Contains("\"=HYPERLINK(\"\"http://evil.example\"\",\"\"bấm\"\")\"", csv);
        Assert.Equal(5, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(4, JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("importCount").GetProperty("ignored").GetInt32());
    }

    [Fact]
    public async Task AProvinceUserCannotExportAnotherProvinceAsXlsx()
    {
        var response = await GetAsync(factory.ClientFor("hanoi"), RequestBody.XlsxMediaType);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
