using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ChildDashboard.Tests.Core.Exchange;

namespace ChildDashboard.Tests.Web.Api;

// POST /api/v1/dataValueSets and /targets with .xlsx files: the same answers as CSV, conflicts
// pointing at the sheet and the column letter, hostile files refused before anything is read.
public class XlsxImportApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly object?[] Header = ["dataelement", "period", "orgunit", "categoryoptioncombo", "value"];

    private static MultipartFormDataContent Form(byte[] file, string name = "gia-tri.xlsx") => new() { { new ByteArrayContent(file), "file", name } };

    private static ByteArrayContent Body(byte[] file)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
        return content;
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task AnXlsxInAFormAndAsTheBodyAnswersLikeTheSameCsv()
    {
        var client = factory.ClientFor("analyst");
        var csv = await client.PostAsync("/api/v1/dataValueSets?dryRun=true", new StringContent(
            "dataelement,period,orgunit,categoryoptioncombo,value\nHEART_SURGERY,2023Q1,01,MALE,4\nTRAFFICKED,2023Q1,01,,2\n", System.Text.Encoding.UTF8, "text/csv"));
        var file = new XlsxFile().Sheet("DataValues", Header, ["HEART_SURGERY", "2023Q1", "01", "MALE", 4], ["TRAFFICKED", "2023Q1", "01", null, 2]).Bytes();

        var dry = await client.PostAsync("/api/v1/dataValueSets?dryRun=true", Form(file));
        var written = await client.PostAsync("/api/v1/dataValueSets", Body(file));
        var again = await client.PostAsync("/api/v1/dataValueSets", Form(file));

        Assert.Equal((HttpStatusCode.OK, await csv.Content.ReadAsStringAsync()), (dry.StatusCode, await dry.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        Assert.Equal(2, (await JsonOf(written)).GetProperty("importCount").GetProperty("imported").GetInt32());
        Assert.Equal(2, (await JsonOf(again)).GetProperty("importCount").GetProperty("ignored").GetInt32());
    }

    [Fact]
    public async Task ConflictsNameTheSheetRowAndColumnLetterInTheCallersLanguage()
    {
        var client = factory.ClientFor("analyst");
        var file = new XlsxFile().Sheet("DataValues", Header, ["HEART_SURGERY", "2023Q2", "01", "MALE", 4], ["HEART_SURGERY", "2023Q2", "01", "FEMALE", -1]).Bytes();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dataValueSets") { Content = Form(file) };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("vi"));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var conflict = Assert.Single((await JsonOf(response)).GetProperty("conflicts").EnumerateArray());
        Assert.Equal(("DataValues", 3, "E", "-1", "Giá trị không được âm."), (conflict.GetProperty("sheet").GetString(), conflict.GetProperty("row").GetInt32(),
            conflict.GetProperty("column").GetString(), conflict.GetProperty("value").GetString(), conflict.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task AProvinceUserCannotWriteAnotherProvinceThroughAWorkbook()
    {
        var file = new XlsxFile().Sheet("DataValues", Header, ["HEART_SURGERY", "2023Q3", "79", "MALE", 4]).Bytes();

        var response = await factory.ClientFor("hanoi").PostAsync("/api/v1/dataValueSets", Form(file));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Contains("nằm ngoài phạm vi của bạn (Hà Nội)", StringComparison.Ordinal), body);
    }

    [Fact]
    public async Task AZipBombIsRefusedWith400BeforeItIsInflated()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml").Open().Dispose();
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 50; i++)
                sheet.Write(spaces);
        }
        Assert.True(output.Length < ApiFactory.MaxFileBytes);

        var response = await factory.ClientFor("analyst").PostAsync("/api/v1/dataValueSets", Body(output.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("zip bomb", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TargetsImportFromATargetsSheet()
    {
        var file = new XlsxFile().Sheet("Targets",
            ["indicator", "orgunit", "baseline_year", "baseline_value", "target_year", "target_value", "source"],
            ["HRT01", "01", 2020, 100, 2030, 200, "Kế hoạch tỉnh"]).Bytes();

        var leader = await factory.ClientFor("leader").PostAsync("/api/v1/targets", Form(file));
        var analyst = await factory.ClientFor("analyst").PostAsync("/api/v1/targets?dryRun=true", Form(file));

        Assert.Equal(HttpStatusCode.Forbidden, leader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, analyst.StatusCode);
    }
}
