using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Api;

// The HTTP API of exchange.md §4 against the real app. Tests share one database, so each uses its
// own periods or units.
public class ApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Header = "dataelement,period,orgunit,categoryoptioncombo,value\n";

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<JsonElement> AnalyticsAsync(string user, string query)
    {
        var response = await factory.ClientFor(user).GetAsync("/api/v1/analytics?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonOf(response)).GetProperty("rows");
    }

    [Fact]
    public async Task ACsvImportedThroughTheApiGivesTheSpecsNumbersAcrossTheMerger()
    {
        var client = factory.ClientFor("analyst");
        var import = await client.PostAsync("/api/v1/dataValueSets", Csv(
            Header +
            "CSC_SUPPORTED,2023Q4,10,MALE,250\nCSC_SUPPORTED,2023Q4,10,FEMALE,250\nCSC_TOTAL,2023Q4,10,MALE,300\nCSC_TOTAL,2023Q4,10,FEMALE,300\n" +
            "CSC_SUPPORTED,2023Q4,15,MALE,388\nCSC_TOTAL,2023Q4,15,MALE,400\n"));

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var report = await JsonOf(import);
        Assert.Equal("SUCCESS", report.GetProperty("status").GetString());
        Assert.Equal(6, report.GetProperty("importCount").GetProperty("imported").GetInt32());

        var rows = await AnalyticsAsync("analyst", "indicator=CP03&orgUnit=15&orgUnit=15@2024-01-01&period=2023");
        var laoCai = rows.EnumerateArray().Single(r => r.GetProperty("orgUnit").GetString() == "15");
        var yenBai = rows.EnumerateArray().Single(r => r.GetProperty("orgUnit").GetString() == "15@2024-01-01");
        Assert.Equal(88.8, laoCai.GetProperty("value").GetDouble(), 12);
        Assert.Equal(888, laoCai.GetProperty("numerator").GetDouble());
        Assert.Equal(1000, laoCai.GetProperty("denominator").GetDouble());
        Assert.Equal(87, laoCai.GetProperty("baseline").GetDouble());
        Assert.Equal(90, laoCai.GetProperty("target").GetDouble());
        Assert.Equal(0.75, laoCai.GetProperty("expected").GetDouble());
        Assert.Equal("AtRisk", laoCai.GetProperty("status").GetString());
        Assert.Equal(97, yenBai.GetProperty("value").GetDouble(), 12);
    }

    [Fact]
    public async Task AForecastRowCarriesTheTheilSenLineThroughTheLatestWholeYears()
    {
        // CP03 of Cần Thơ: 88, 89, 90, 91, 92 % in 2021–2025 → y = x − 1933; the 2030 target (95)
        // applies in 2026, the line gives 97 in 2030 and meets 95 in 2028.
        var rows = string.Concat(Enumerable.Range(2021, 5).Select(year =>
            $"CSC_SUPPORTED,{year}Q4,92,MALE,{year - 1933}\nCSC_TOTAL,{year}Q4,92,MALE,100\n"));
        var import = await factory.ClientFor("analyst").PostAsync("/api/v1/dataValueSets", Csv(Header + rows));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);

        var answer = await AnalyticsAsync("analyst", "indicator=CP03&orgUnit=92&period=2025&forecast=true");
        var forecast = answer.EnumerateArray().Single().GetProperty("forecast");
        Assert.Equal(5, forecast.GetProperty("points").GetInt32());
        Assert.Equal(2021, forecast.GetProperty("fromYear").GetInt32());
        Assert.Equal(2025, forecast.GetProperty("toYear").GetInt32());
        Assert.Equal(1, forecast.GetProperty("slope").GetDouble(), 9);
        Assert.Equal(-1933, forecast.GetProperty("intercept").GetDouble(), 6);
        Assert.Equal(2030, forecast.GetProperty("targetYear").GetInt32());
        Assert.Equal(97, forecast.GetProperty("projected").GetDouble(), 6);
        Assert.Equal(2028, forecast.GetProperty("reachedYear").GetInt32());
        Assert.Equal("WillMeet", forecast.GetProperty("outcome").GetString());

        // Without a target (HRT01) or without three years (another unit) the forecast is null;
        // without forecast=true the rows keep their plain shape.
        var none = await AnalyticsAsync("analyst", "indicator=HRT01&indicator=CP03&orgUnit=92&orgUnit=96&period=2025&forecast=true");
        Assert.Equal(3, none.EnumerateArray().Count(r => r.GetProperty("forecast").ValueKind == JsonValueKind.Null));
        var plain = await AnalyticsAsync("analyst", "indicator=CP03&orgUnit=92&period=2025");
        Assert.False(plain.EnumerateArray().Single().TryGetProperty("forecast", out _));
    }

    [Fact]
    public async Task AnyRejectedRowWritesNothingAndEachConflictSaysWhere()
    {
        var client = factory.ClientFor("analyst");

        var response = await client.PostAsync("/api/v1/dataValueSets", Csv(Header + "HEART_SURGERY,2024Q1,01,MALE,3\nHEART_SURGERY,2024Q1,01,FEMALE,-3\n"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var report = await JsonOf(response);
        Assert.Equal("ERROR", report.GetProperty("status").GetString());
        var conflict = Assert.Single(report.GetProperty("conflicts").EnumerateArray());
        Assert.Equal(3, conflict.GetProperty("row").GetInt32());
        Assert.Equal("value", conflict.GetProperty("column").GetString());
        Assert.Equal("-3", conflict.GetProperty("value").GetString());
        Assert.Equal("Giá trị không được âm.", conflict.GetProperty("message").GetString());
        var stored = await client.GetFromJsonAsync<JsonElement>("/api/v1/dataValueSets?orgUnit=01&period=2024Q1");
        Assert.Equal(0, stored.GetProperty("dataValues").GetArrayLength());
    }

    [Fact]
    public async Task AMalformedCsvIsOneConflictWithItsRowAndColumnAndWritesNothing()
    {
        var client = factory.ClientFor("analyst");
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-US"));

        var response = await client.PostAsync("/api/v1/dataValueSets", Csv(Header + "HEART_SURGERY,2022Q3,01,MALE,3\nHEART_SURGERY,2022Q3,01,FEMALE,\"4\"4\n"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var conflict = Assert.Single((await JsonOf(response)).GetProperty("conflicts").EnumerateArray());
        Assert.Equal(3, conflict.GetProperty("row").GetInt32());
        Assert.Equal("value", conflict.GetProperty("column").GetString());
        Assert.Equal("\"4\"4", conflict.GetProperty("value").GetString());
        Assert.StartsWith("Malformed CSV at row 3, column 5 (value): there is text right after the closing quote.", conflict.GetProperty("message").GetString());
        var stored = await client.GetFromJsonAsync<JsonElement>("/api/v1/dataValueSets?orgUnit=01&period=2022Q3");
        Assert.Equal(0, stored.GetProperty("dataValues").GetArrayLength());
    }

    [Fact]
    public async Task ConflictMessagesFollowAcceptLanguage()
    {
        var client = factory.ClientFor("analyst");
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-US"));

        var response = await client.PostAsync("/api/v1/dataValueSets", Csv(Header + "HEART_SURGERY,2024Q1,01,MALE,-3\n"));

        var conflict = Assert.Single((await JsonOf(response)).GetProperty("conflicts").EnumerateArray());
        Assert.Equal("Values cannot be negative.", conflict.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ADryRunWritesNothing()
    {
        var client = factory.ClientFor("analyst");

        var response = await client.PostAsync("/api/v1/dataValueSets?dryRun=true", Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,3\n"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await JsonOf(response);
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.Equal(1, report.GetProperty("importCount").GetProperty("imported").GetInt32());
        var stored = await client.GetFromJsonAsync<JsonElement>("/api/v1/dataValueSets?orgUnit=01&period=2024Q2");
        Assert.Equal(0, stored.GetProperty("dataValues").GetArrayLength());
    }

    [Fact]
    public async Task JsonDataValueSetsImportLikeCsv()
    {
        var client = factory.ClientFor("analyst");
        var body = """{"dataValues":[{"dataElement":"HEART_SURGERY","period":"2024Q3","orgUnit":"01","categoryOptionCombo":"MALE","value":"5","comment":"từ DHIS2"},{"dataElement":"ABANDONED","period":"2024Q3","orgUnit":"01","value":2}]}""";

        var response = await client.PostAsync("/api/v1/dataValueSets", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await client.GetFromJsonAsync<JsonElement>("/api/v1/dataValueSets?orgUnit=01&period=2024Q3");
        var values = stored.GetProperty("dataValues").EnumerateArray().ToList();
        Assert.Equal(2, values.Count);
        Assert.Contains(values, v => v.GetProperty("comment").GetString() == "từ DHIS2" && v.GetProperty("value").GetString() == "5");
    }

    [Fact]
    public async Task AnExportImportsBackUnchanged()
    {
        var client = factory.ClientFor("analyst");
        await client.PostAsync("/api/v1/dataValueSets", Csv(Header + "HEART_SURGERY,2024Q4,79,MALE,7\nHEART_SURGERY,2024Q4,79,FEMALE,6\nPOP_U5,2024,79,,400000\n"));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/dataValueSets?orgUnit=79@2024-01-01&period=2024");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        var export = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        var again = await JsonOf(await client.PostAsync("/api/v1/dataValueSets", Csv(export)));

        Assert.StartsWith("dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted", export);
        Assert.Equal(3, again.GetProperty("importCount").GetProperty("ignored").GetInt32());
        Assert.Equal(0, again.GetProperty("importCount").GetProperty("imported").GetInt32());
    }

    [Fact]
    public async Task WithoutCredentialsTheAnswerIs401ProblemDetails()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/metadata");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        // Only Bearer is offered, so that browsers never ask for (and then replay) a password.
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task BasicAuthenticationWorksAndAWrongPasswordDoesNot()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + ApiFactory.AdminPassword)));
        var wrong = factory.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:nope")));

        var metadata = await JsonOf(await client.GetAsync("/api/v1/metadata"));

        Assert.Equal(87, metadata.GetProperty("orgUnits").GetArrayLength());
        Assert.Equal(39, metadata.GetProperty("indicators").GetArrayLength());
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/v1/metadata")).StatusCode);
    }

    [Fact]
    public async Task MetadataNamesUnitsUnambiguously()
    {
        var metadata = await factory.ClientFor("leader").GetFromJsonAsync<JsonElement>("/api/v1/metadata");

        var yenBai = metadata.GetProperty("orgUnits").EnumerateArray().Single(u => u.GetProperty("ref").GetString() == "15@2004-01-01");
        Assert.Equal("Yên Bái", yenBai.GetProperty("nameVi").GetString());
        Assert.Equal("2025-06-30", yenBai.GetProperty("closedDate").GetString());
        Assert.Equal("15@2025-07-01", yenBai.GetProperty("successor").GetString());
    }

    [Fact]
    public async Task AProvinceUserCanNeitherWriteNorReadAnotherProvince()
    {
        var client = factory.ClientFor("hanoi");

        var write = await client.PostAsync("/api/v1/dataValueSets", Csv(Header + "HEART_SURGERY,2023Q1,79,MALE,3\n"));
        var read = await client.GetAsync("/api/v1/analytics?indicator=HRT01&orgUnit=79&period=2023");
        var readValues = await client.GetAsync("/api/v1/dataValueSets?orgUnit=79&period=2023");
        var own = await client.GetAsync("/api/v1/analytics?indicator=HRT01&orgUnit=01&period=2023");

        Assert.Equal(HttpStatusCode.Conflict, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Đơn vị '79' nằm ngoài phạm vi của bạn (01).", (await JsonOf(read)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, readValues.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task TheNewLaoCaisStaffMayReadYenBaisHistory()
    {
        var response = await factory.ClientFor("laocai").GetAsync("/api/v1/analytics?indicator=HRT01&orgUnit=15@2024-01-01&period=2023");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ALeaderMayReadButNotWrite()
    {
        var client = factory.ClientFor("leader");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var response = await client.PostAsync("/api/v1/dataValueSets", Csv(Header + "HEART_SURGERY,2023Q1,01,MALE,3\n"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Your role may read data but not write it.", (await JsonOf(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task BadAnalyticsParametersAre400WithEveryReason()
    {
        var response = await factory.ClientFor("analyst").GetAsync("/api/v1/analytics?indicator=NOPE&orgUnit=15@2000-01-01&period=2023Q9");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonOf(response)).GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains("Không có đơn vị mã '15' hoạt động vào ngày 01/01/2000.", errors);

        var client = factory.ClientFor("analyst");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var english = await JsonOf(await client.GetAsync("/api/v1/analytics?indicator=NOPE&orgUnit=15@2000-01-01&period=2023Q9"));
        Assert.Contains("No unit with code '15' was open on 2000-01-01.", english.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task UnreadableUnsupportedAndOversizedBodiesAreRefused()
    {
        var client = factory.ClientFor("analyst");

        var badJson = await client.PostAsync("/api/v1/dataValueSets", new StringContent("{not json", Encoding.UTF8, "application/json"));
        var xml = await client.PostAsync("/api/v1/dataValueSets", new StringContent("<dataValueSet/>", Encoding.UTF8, "application/xml"));
        var plainText = await client.PostAsync("/api/v1/dataValueSets", new StringContent(Header + "HEART_SURGERY,2023Q1,01,MALE,3\n", Encoding.UTF8, "text/plain"));
        var wrongShape = await client.PostAsync("/api/v1/dataValueSets", new StringContent("[1,2]", Encoding.UTF8, "application/json"));
        var huge = await client.PostAsync("/api/v1/dataValueSets", Csv(Header + string.Concat(Enumerable.Repeat("HEART_SURGERY,2023Q1,01,MALE,3\n", 5000))));
        var latin1 = await client.PostAsync("/api/v1/dataValueSets", new ByteArrayContent([.. Encoding.UTF8.GetBytes(Header + "HEART_SURGERY,2023Q1,01,MALE,3,"), 0xE0, 0x0A])
        {
            Headers = { ContentType = new MediaTypeHeaderValue("text/csv") },
        });

        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, xml.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plainText.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongShape.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, latin1.StatusCode);
    }

    [Fact]
    public async Task AMultipartCsvFileImports()
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Header + "TRAFFICKED,2023Q2,01,,1\n")), "file", "gia-tri.csv" } };

        var response = await factory.ClientFor("analyst").PostAsync("/api/v1/dataValueSets", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ARevokedTokenNoLongerSignsIn()
    {
        var client = factory.CreateClient();
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ChildDashboard.Core.Identity.AppUser>>();
            var tokens = scope.ServiceProvider.GetRequiredService<ChildDashboard.Core.Services.ApiTokenService>();
            var user = await users.FindByNameAsync("leader") ?? throw new InvalidOperationException();
            var created = await tokens.CreateAsync(user.Id, "short-lived", 30);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Token);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/metadata")).StatusCode);
            Assert.True(await tokens.RevokeAsync(user.Id, created.Info.Id));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/metadata")).StatusCode);
    }

    [Fact]
    public async Task ATargetUploadReplacesTheOldOneAndTheAnalyticsUseIt()
    {
        var client = factory.ClientFor("analyst");
        const string targets = "indicator,orgunit,baseline_year,baseline_value,target_year,target_value,source\nHRT01,38,2020,100,2025,200,tỉnh tự đặt\n";

        var first = await client.PostAsync("/api/v1/targets", Csv(targets));
        var second = await client.PostAsync("/api/v1/targets", Csv(targets.Replace(",200,", ",240,")));
        var bad = await client.PostAsync("/api/v1/targets", Csv("indicator,orgunit,target_year,target_value\nNOPE,38,2025,1\nHRT01,38,năm,1\n"));
        var hanoi = await factory.ClientFor("hanoi").PostAsync("/api/v1/targets", Csv(targets));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, (await JsonOf(second)).GetProperty("importCount").GetProperty("updated").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, bad.StatusCode);
        Assert.Equal(2, (await JsonOf(bad)).GetProperty("conflicts").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, hanoi.StatusCode);
        Assert.Equal("Chỉ quản trị viên và chuyên viên phân tích được đặt chỉ tiêu.", (await JsonOf(hanoi)).GetProperty("detail").GetString());
        var row = (await AnalyticsAsync("analyst", "indicator=HRT01&orgUnit=38&period=2024")).EnumerateArray().Single();
        Assert.Equal(240, row.GetProperty("target").GetDouble());
        Assert.Equal(2025, row.GetProperty("targetYear").GetInt32());
    }
}
