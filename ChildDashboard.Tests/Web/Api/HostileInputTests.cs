using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Api;

// What an attacker or a careless user sends, through the real API: each kind of input gets its
// status and a clear (English) message, and nothing is written: a full export of the values, the
// targets and the audit tables is the same after the request as before it.
public class HostileInputTests(ApiFactory factory) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Header = "dataelement,period,orgunit,categoryoptioncombo,value\n";
    private const string TargetHeader = "indicator,orgunit,baseline_year,baseline_value,target_year,target_value,source\n";
    private const string Values = "/api/v1/dataValueSets";
    private const string Targets = "/api/v1/targets";

    private static readonly int FarYear = DateTime.UtcNow.Year + 2;

    private static Func<HttpContent?> Csv(string text) => () => new StringContent(text, Encoding.UTF8, "text/csv");

    private static Func<HttpContent?> Bytes(byte[] bytes, string contentType) => () => new ByteArrayContent(bytes)
    {
        Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) },
    };

    private static Func<HttpContent?> Json(string text) => () => new StringContent(text, Encoding.UTF8, "application/json");

    private static string Value(string element, string period, string unit, string option, string value) =>
        $$"""{"dataValues":[{"dataElement":"{{element}}","period":"{{period}}","orgUnit":"{{unit}}","categoryOptionCombo":"{{option}}","value":{{value}}}]}""";

    private static Func<HttpContent?> Form(params (string Field, string FileName, byte[] Bytes)[] files) => () =>
    {
        var form = new MultipartFormDataContent();
        foreach (var (field, fileName, bytes) in files)
            form.Add(new ByteArrayContent(bytes), field, fileName);
        return form;
    };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static readonly HostileCase[] Cases =
    [
        // CSV values: numbers out of bounds.
        new("csv count 1.7e308", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,1.7e308\n"), HttpStatusCode.Conflict, "is above the plausible maximum of 1,000,000,000"),
        new("csv count 1e300", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,1e300\n"), HttpStatusCode.Conflict, "is above the plausible maximum"),
        new("csv count of 18 digits", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,123456789012345678\n"), HttpStatusCode.Conflict, "is above the plausible maximum"),
        new("csv count one above the maximum", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,1000000001\n"), HttpStatusCode.Conflict, "is above the plausible maximum"),
        new("csv count with a fraction", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,2.5\n"), HttpStatusCode.Conflict, "is a count: a whole number is required"),
        new("csv count with a fraction a double rounds away", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,999999999.0000000001\n"), HttpStatusCode.Conflict, "a whole number is required"),
        new("csv count that underflows to zero", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,5e-400\n"), HttpStatusCode.Conflict, "a whole number is required"),
        new("csv Infinity", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,Infinity\n"), HttpStatusCode.Conflict, "'Infinity' is not a number"),
        new("csv NaN", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,NaN\n"), HttpStatusCode.Conflict, "'NaN' is not a number"),
        new("csv negative", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,-3\n"), HttpStatusCode.Conflict, "Values cannot be negative."),
        new("csv hexadecimal", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,0x10\n"), HttpStatusCode.Conflict, "is not a number"),
        new("csv thousands separator", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,1 000\n"), HttpStatusCode.Conflict, "is not a number"),
        new("csv decimal comma", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,1,5\n"), HttpStatusCode.Conflict, "The row has 6 fields; the header has 5"),
        new("csv number of 70 digits", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE," + new string('1', 70) + "\n"), HttpStatusCode.Conflict, "is not a number"),
        new("csv money above the maximum", HttpMethod.Post, Values, Csv(Header + "BUDGET_ALLOC,2024,01,,2000000000000000\n"), HttpStatusCode.Conflict, "VND is above the plausible maximum of 1,000,000,000,000,000 VND"),
        new("csv missing value", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,\n"), HttpStatusCode.Conflict, "The value is missing."),
        // CSV values: periods, codes, scope, options.
        new("csv period 2099Q1", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2099Q1,01,MALE,1\n"), HttpStatusCode.Conflict, "2099Q1 ends after"),
        new("csv period two years ahead", HttpMethod.Post, Values, Csv(Header + $"HEART_SURGERY,{FarYear}Q1,01,MALE,1\n"), HttpStatusCode.Conflict, "values cannot be entered that far ahead"),
        new("csv year 2101", HttpMethod.Post, Values, Csv(Header + "POP_U5,2101,01,,1\n"), HttpStatusCode.Conflict, "'2101' is not a period"),
        new("csv quarter 9", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q9,01,MALE,1\n"), HttpStatusCode.Conflict, "'2024Q9' is not a period"),
        new("csv period of the wrong type", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024,01,MALE,1\n"), HttpStatusCode.Conflict, "HEART_SURGERY is reported quarterly"),
        new("csv unknown data element", HttpMethod.Post, Values, Csv(Header + "NOPE,2024Q2,01,MALE,1\n"), HttpStatusCode.Conflict, "Unknown data element 'NOPE'."),
        new("csv unknown unit", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,999,MALE,1\n"), HttpStatusCode.Conflict, "Unknown unit code '999'."),
        new("csv unit closed on the period's first day", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2025Q3,02,MALE,1\n"), HttpStatusCode.Conflict, "No unit with code '02' was open on 2025-07-01"),
        new("csv another province", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,79,MALE,1\n"), HttpStatusCode.Conflict, "is outside your scope", "hanoi"),
        new("csv option missing", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,,1\n"), HttpStatusCode.Conflict, "HEART_SURGERY needs one of the options"),
        new("csv unknown option", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,OTHER,1\n"), HttpStatusCode.Conflict, "needs one of the options"),
        new("csv deleted neither true nor false", HttpMethod.Post, Values, Csv(Header.TrimEnd() + ",deleted\nHEART_SURGERY,2024Q2,01,MALE,1,maybe\n"), HttpStatusCode.Conflict, "The deleted column takes true or false."),
        new("csv the same key twice", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,1\nHEART_SURGERY,2024Q2,01,male,2\n"), HttpStatusCode.Conflict, "Duplicate of row 2"),
        new("csv one good and one bad row", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,1\nHEART_SURGERY,2024Q2,01,FEMALE,-1\n"), HttpStatusCode.Conflict, "Values cannot be negative."),
        new("csv validation rule broken", HttpMethod.Post, Values, Csv(Header + "CSC_SUPPORTED,2024Q2,01,MALE,50\nCSC_TOTAL,2024Q2,01,MALE,10\n"), HttpStatusCode.Conflict, "CSC_SUPPORTED"),
        // CSV values: texts.
        new("csv comment of 50,001 characters", HttpMethod.Post, Values, Csv(Header.TrimEnd() + ",comment\nHEART_SURGERY,2024Q2,01,MALE,1," + new string('x', 50_001) + "\n"), HttpStatusCode.Conflict, "The comment is 50,001 characters long; the limit is 50,000."),
        new("csv storedby of 256 characters", HttpMethod.Post, Values, Csv(Header.TrimEnd() + ",storedby\nHEART_SURGERY,2024Q2,01,MALE,1," + new string('s', 256) + "\n"), HttpStatusCode.Conflict, "storedby takes at most 255 characters"),
        new("csv unknown column", HttpMethod.Post, Values, Csv("dataelement,period,orgunit,categoryoptioncombo,valeu\nHEART_SURGERY,2024Q2,01,MALE,1\n"), HttpStatusCode.Conflict, "Column 'valeu' is not part of the format"),
        new("csv repeated column", HttpMethod.Post, Values, Csv(Header.TrimEnd() + ",value\nHEART_SURGERY,2024Q2,01,MALE,1,2\n"), HttpStatusCode.Conflict, "Column 'value' appears twice."),
        new("csv required column missing", HttpMethod.Post, Values, Csv("dataelement,period,orgunit\nHEART_SURGERY,2024Q2,01\n"), HttpStatusCode.Conflict, "The required column 'value' is missing."),
        new("csv header of 6,000 unknown columns", HttpMethod.Post, Values, Csv(string.Join(",", Enumerable.Range(0, 6000).Select(i => "c" + i)) + "\n"), HttpStatusCode.Conflict, "Column 'c0' is not part of the format"),
        new("csv 5,000 blank lines inside", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,1\n" + new string('\n', 5000) + "HEART_SURGERY,2024Q2,01,FEMALE,1\n"), HttpStatusCode.Conflict, "Row 3 is blank"),
        new("csv code of 60,000 characters", HttpMethod.Post, Values, Csv(Header + new string('A', 60_000) + ",2024Q2,01,MALE,1\n"), HttpStatusCode.Conflict, "Unknown data element 'AAAA"),
        new("csv unclosed quote", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,\"1\n"), HttpStatusCode.Conflict, "the quote that opens this value is never closed"),
        new("csv text after a closing quote", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,\"1\"2\n"), HttpStatusCode.Conflict, "there is text right after the closing quote"),
        new("csv NUL character", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,1\0\n"), HttpStatusCode.Conflict, "control character"),
        new("csv lone carriage return", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,1\rHEART_SURGERY,2024Q2,01,FEMALE,1\n"), HttpStatusCode.Conflict, "a carriage return (CR) without a line feed"),
        new("csv byte order mark in the middle", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,1\n\uFEFFHEART_SURGERY,2024Q2,01,FEMALE,1\n"), HttpStatusCode.Conflict, "byte order mark"),
        new("csv empty body", HttpMethod.Post, Values, Csv(""), HttpStatusCode.Conflict, "The file is empty: a header row is required."),
        new("csv invalid UTF-8", HttpMethod.Post, Values, Bytes([.. Utf8(Header + "HEART_SURGERY,2024Q2,01,MALE,"), 0xC3, 0x28, 0x0A], "text/csv"), HttpStatusCode.BadRequest, "The text is not UTF-8."),
        new("csv encoded surrogate", HttpMethod.Post, Values, Bytes([.. Utf8(Header + "HEART_SURGERY,2024Q2,01,MALE,1,"), 0xED, 0xA0, 0x80, 0x0A], "text/csv"), HttpStatusCode.BadRequest, "The text is not UTF-8."),
        new("csv UTF-16", HttpMethod.Post, Values, Bytes([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Header + "HEART_SURGERY,2024Q2,01,MALE,1\n")], "text/csv"), HttpStatusCode.BadRequest, "The text is not UTF-8."),
        new("csv Latin-1 charset", HttpMethod.Post, Values, Bytes(Utf8(Header), "text/csv; charset=iso-8859-1"), HttpStatusCode.UnsupportedMediaType, "Only UTF-8 text is accepted"),
        new("csv as text/plain", HttpMethod.Post, Values, Bytes(Utf8(Header), "text/plain"), HttpStatusCode.UnsupportedMediaType, "'text/plain' is not accepted here"),
        new("csv over the size limit", HttpMethod.Post, Values, Csv(Header + string.Concat(Enumerable.Repeat("HEART_SURGERY,2024Q2,01,MALE,1\n", 3000))), HttpStatusCode.RequestEntityTooLarge, "The limit is 0.06 MB"),
        new("no content type", HttpMethod.Post, Values, () => new ByteArrayContent(Utf8(Header)), HttpStatusCode.UnsupportedMediaType, "is not accepted here"),
        new("dryRun=1", HttpMethod.Post, Values + "?dryRun=1", Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,1\n"), HttpStatusCode.BadRequest, "A parameter of the request cannot be read"),
        // JSON values.
        new("json malformed", HttpMethod.Post, Values, Json("{not json"), HttpStatusCode.BadRequest, "The JSON is not valid at line 1"),
        new("json truncated", HttpMethod.Post, Values, Json("""{"dataValues":[{"dataElement":"HEART_SURGERY","""), HttpStatusCode.BadRequest, "The JSON is not valid"),
        new("json invalid UTF-8 in a string", HttpMethod.Post, Values, Bytes([.. Utf8("""{"dataValues":[{"dataElement":"HEART_SURGERY","period":"2024Q2","orgUnit":"01","categoryOptionCombo":"MALE","value":"1","comment":" """), 0xC3, 0x28, .. Utf8("\"}]}")], "application/json"), HttpStatusCode.BadRequest, "The text is not UTF-8."),
        new("json lone surrogate", HttpMethod.Post, Values, Json("""{"dataValues":[{"dataElement":"HEART_SURGERY","period":"2024Q2","orgUnit":"01","categoryOptionCombo":"MALE","value":"1","comment":"\uD800"}]}"""), HttpStatusCode.BadRequest, "lone surrogate"),
        new("json property twice", HttpMethod.Post, Values, Json("""{"dataValues":[{"dataElement":"HEART_SURGERY","period":"2024Q2","orgUnit":"01","categoryOptionCombo":"MALE","value":"1","value":"9"}]}"""), HttpStatusCode.BadRequest, "Value 1: the property \"value\" appears twice"),
        new("json property twice in another case", HttpMethod.Post, Values, Json("""{"dataValues":[{"dataElement":"HEART_SURGERY","period":"2024Q2","orgUnit":"01","categoryOptionCombo":"MALE","value":"1","VALUE":"9"}]}"""), HttpStatusCode.BadRequest, "appears twice"),
        new("json dataValues twice", HttpMethod.Post, Values, Json("""{"dataValues":[],"dataValues":[]}"""), HttpStatusCode.BadRequest, "The property \"dataValues\" appears twice."),
        new("json array at the root", HttpMethod.Post, Values, Json("[1,2]"), HttpStatusCode.BadRequest, "Expected a JSON object with a \"dataValues\" array."),
        new("json dataValues not an array", HttpMethod.Post, Values, Json("""{"dataValues":{}}"""), HttpStatusCode.BadRequest, "Expected a JSON object with a \"dataValues\" array."),
        new("json value not an object", HttpMethod.Post, Values, Json("""{"dataValues":[1]}"""), HttpStatusCode.Conflict, "Each value must be a JSON object."),
        new("json field that is an array", HttpMethod.Post, Values, Json("""{"dataValues":[{"dataElement":"HEART_SURGERY","period":"2024Q2","orgUnit":"01","categoryOptionCombo":"MALE","value":[1]}]}"""), HttpStatusCode.BadRequest, "expected a string, number or true/false, not an array"),
        new("json nested too deep", HttpMethod.Post, Values, Json("""{"dataValues":[],"x":""" + new string('[', 40) + new string(']', 40) + "}"), HttpStatusCode.BadRequest, "The JSON is not valid"),
        new("json count 1.7e308", HttpMethod.Post, Values, Json(Value("HEART_SURGERY", "2024Q2", "01", "MALE", "1.7e308")), HttpStatusCode.Conflict, "is above the plausible maximum"),
        new("json number beyond double", HttpMethod.Post, Values, Json(Value("HEART_SURGERY", "2024Q2", "01", "MALE", "1e400")), HttpStatusCode.Conflict, "'1e400' is not a number"),
        new("json NUL in a comment", HttpMethod.Post, Values, Json("""{"dataValues":[{"dataElement":"HEART_SURGERY","period":"2024Q2","orgUnit":"01","categoryOptionCombo":"MALE","value":"1","comment":"a\u0000b"}]}"""), HttpStatusCode.Conflict, "The comment holds a control character"),
        new("json period 2099Q1", HttpMethod.Post, Values, Json(Value("HEART_SURGERY", "2099Q1", "01", "MALE", "1")), HttpStatusCode.Conflict, "2099Q1 ends after"),
        new("json 5,000 values that are not objects", HttpMethod.Post, Values, Json("""{"dataValues":[""" + string.Join(",", Enumerable.Repeat("0", 5000)) + "]}"), HttpStatusCode.Conflict, "Each value must be a JSON object."),
        // Multipart.
        new("multipart with two files", HttpMethod.Post, Values, Form(("file", "a.csv", Utf8(Header + "HEART_SURGERY,2024Q2,01,MALE,1\n")), ("file", "b.csv", Utf8(Header + "HEART_SURGERY,2024Q2,01,MALE,9\n"))), HttpStatusCode.BadRequest, "The form holds 2 files; send exactly one"),
        new("multipart with a file under another name", HttpMethod.Post, Values, Form(("upload", "a.csv", Utf8(Header))), HttpStatusCode.BadRequest, "Send the file in the form field 'file'."),
        new("multipart without a file", HttpMethod.Post, Values, () => new MultipartFormDataContent { { new StringContent("x"), "note" } }, HttpStatusCode.BadRequest, "Send the file in the form field 'file'."),
        new("multipart truncated", HttpMethod.Post, Values, Bytes(Utf8("--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\n" + Header + "HEART_SURGERY,2024Q2,01,MALE,1\n"), "multipart/form-data; boundary=XYZ"), HttpStatusCode.BadRequest, "truncated or malformed"),
        new("multipart with a broken Excel file", HttpMethod.Post, Values, Form(("file", "a.xlsx", [0x50, 0x4B, 0x03, 0x04])), HttpStatusCode.BadRequest, "The .xlsx file is damaged"),
        new("multipart with an .xls file", HttpMethod.Post, Values, Form(("file", "a.xls", [0xD0, 0xCF, 0x11, 0xE0])), HttpStatusCode.UnsupportedMediaType, "'.xls' is not accepted here"),
        new("multipart csv with a huge count", HttpMethod.Post, Values, Form(("file", "a.csv", Utf8(Header + "HEART_SURGERY,2024Q2,01,MALE,1e300\n"))), HttpStatusCode.Conflict, "is above the plausible maximum"),
        new("multipart json with a property twice", HttpMethod.Post, Values, Form(("file", "a.json", Utf8("""{"dataValues":[],"DATAVALUES":[]}"""))), HttpStatusCode.BadRequest, "appears twice"),
        // Targets.
        new("target year before the baseline year", HttpMethod.Post, Targets, Csv(TargetHeader + "HRT01,01,2030,100,2025,200,x\n"), HttpStatusCode.Conflict, "The target year (2025) must come after the baseline year (2030)."),
        new("target year equal to the baseline year", HttpMethod.Post, Targets, Csv(TargetHeader + "HRT01,01,2025,100,2025,200,x\n"), HttpStatusCode.Conflict, "must come after the baseline year"),
        new("target for a closed province", HttpMethod.Post, Targets, Csv(TargetHeader + "HRT01,02,2020,100,2030,200,x\n"), HttpStatusCode.Conflict, "closed after 2025-06-30, before the target year 2030; set the target for"),
        new("target before the unit opened", HttpMethod.Post, Targets, Csv(TargetHeader + "HRT01,15,2016,100,2020,200,x\n"), HttpStatusCode.Conflict, "opened on 2025-07-01, after the target year 2020"),
        new("target percentage above 100", HttpMethod.Post, Targets, Csv(TargetHeader + "CP03,01,2020,80,2030,150,x\n"), HttpStatusCode.Conflict, "CP03 is a percentage: a number from 0 to 100 is required"),
        new("target baseline percentage above 100", HttpMethod.Post, Targets, Csv(TargetHeader + "CP03,01,2020,101,2030,95,x\n"), HttpStatusCode.Conflict, "CP03 is a percentage"),
        new("target negative", HttpMethod.Post, Targets, Csv(TargetHeader + "HRT01,01,,,2030,-5,x\n"), HttpStatusCode.Conflict, "must be a number from 0 to 1,000,000,000"),
        new("target count beyond the plausible maximum", HttpMethod.Post, Targets, Csv(TargetHeader + "HRT01,01,,,2030,99999999999,x\n"), HttpStatusCode.Conflict, "must be a number from 0 to 1,000,000,000"),
        new("target rate above 100,000 per 100,000", HttpMethod.Post, Targets, Csv(TargetHeader + "INJ01,01,,,2030,100001,x\n"), HttpStatusCode.Conflict, "from 0 to 100,000"),
        new("target source of 1,001 characters", HttpMethod.Post, Targets, Csv(TargetHeader + "HRT01,01,,,2030,10," + new string('s', 1001) + "\n"), HttpStatusCode.Conflict, "The source takes at most 1,000 characters"),
        new("target unknown indicator", HttpMethod.Post, Targets, Csv(TargetHeader + "NOPE,01,,,2030,10,x\n"), HttpStatusCode.Conflict, "Unknown indicator 'NOPE'."),
        new("target baseline year without a value", HttpMethod.Post, Targets, Csv(TargetHeader + "HRT01,01,2020,,2030,10,x\n"), HttpStatusCode.Conflict, "Give both the baseline year and value, or neither."),
        new("target year that is not a year", HttpMethod.Post, Targets, Csv(TargetHeader + "HRT01,01,,,năm,10,x\n"), HttpStatusCode.Conflict, "The target year must be a year"),
        new("target the same key twice", HttpMethod.Post, Targets, Csv(TargetHeader + "HRT01,01,,,2030,10,x\nHRT01,01,,,2030,11,y\n"), HttpStatusCode.Conflict, "Duplicate of row 2"),
        new("target as JSON", HttpMethod.Post, Targets, Json("{}"), HttpStatusCode.UnsupportedMediaType, "'application/json' is not accepted here: send text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, or"),
        new("target by a data-entry user", HttpMethod.Post, Targets, Csv(TargetHeader + "HRT01,01,,,2030,10,x\n"), HttpStatusCode.Forbidden, "Only administrators and analysts may set targets.", "hanoi"),
        // Addresses and methods.
        new("unknown API address", HttpMethod.Get, "/api/v1/nope", () => null, HttpStatusCode.NotFound, "The API has no address '/api/v1/nope'."),
        new("wrong method", HttpMethod.Delete, "/api/v1/analytics", () => null, HttpStatusCode.MethodNotAllowed, "does not take DELETE"),
        new("write by a leader", HttpMethod.Post, Values, Csv(Header + "HEART_SURGERY,2024Q2,01,MALE,1\n"), HttpStatusCode.Forbidden, "Your role may read data but not write it.", "leader"),
        new("read of another province", HttpMethod.Get, "/api/v1/dataValueSets?orgUnit=79&period=2024", () => null, HttpStatusCode.Forbidden, "Unit '79' is outside your scope (01).", "hanoi"),
    ];

    public static TheoryData<string> CaseNames => [.. Cases.Select(c => c.Name)];

    public async Task InitializeAsync()
    {
        // Something stored, so that "nothing changed" is about real rows.
        var analyst = factory.ClientFor("analyst");
        Assert.True((await analyst.PostAsync(Values, Csv(Header + "HEART_SURGERY,2024Q1,01,MALE,3\nHEART_SURGERY,2024Q1,01,FEMALE,2\n")())).IsSuccessStatusCode);
        Assert.True((await analyst.PostAsync(Targets, Csv(TargetHeader + "HRT01,01,2020,1,2025,10,seed\n")())).IsSuccessStatusCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void TheSuiteHasAtLeastSixtyKindsWithDistinctNames()
    {
        Assert.True(Cases.Length >= 60, $"{Cases.Length} kinds");
        Assert.Equal(Cases.Length, Cases.Select(c => c.Name).Distinct().Count());
        Assert.True(Cases.Count(c => c.Path.StartsWith(Targets, StringComparison.Ordinal)) >= 10);
        Assert.True(Cases.Count(c => c.Name.StartsWith("json", StringComparison.Ordinal)) >= 10);
        Assert.True(Cases.Count(c => c.Name.StartsWith("multipart", StringComparison.Ordinal)) >= 5);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task HostileInputIsRefusedClearlyAndWritesNothing(string name)
    {
        var hostile = Cases.Single(c => c.Name == name);
        var client = factory.ClientFor(hostile.User);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var before = await SnapshotAsync();

        using var request = new HttpRequestMessage(hostile.Method, hostile.Path) { Content = hostile.Body() };
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(hostile.Status == response.StatusCode, $"{name}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 500)]}");
        // Answers stay small whatever came in: conflicts are capped and echoes cut short.
        Assert.True(text.Length < 400_000, $"{name}: an answer of {text.Length} characters");
        var answer = JsonDocument.Parse(text).RootElement;
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            var conflicts = answer.GetProperty("conflicts").EnumerateArray().ToList();
            Assert.Contains(conflicts, c => c.GetProperty("message").GetString()!.Contains(hostile.Message, StringComparison.Ordinal));
            Assert.All(conflicts, c => Assert.True(
                c.GetProperty("message").GetString()!.Length <= 1001 && (c.GetProperty("value").GetString()?.Length ?? 0) <= 201
                && c.GetProperty("column").GetString()!.Length <= 101));
            Assert.True(conflicts.Count <= 1000);
            Assert.True(answer.GetProperty("totalConflicts").GetInt32() >= conflicts.Count);
        }
        else
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(hostile.Message, answer.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(answer.GetProperty("title").GetString()));
        }
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task ThousandsOfConflictsAreCappedWithTheirTotal()
    {
        var client = factory.ClientFor("analyst");
        var response = await client.PostAsync(Values, Csv(Header + string.Concat(Enumerable.Range(0, 1500).Select(_ => "HEART_SURGERY,2024Q2,01,MALE,-1\n")))());

        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(1000, report.GetProperty("conflicts").GetArrayLength());
        Assert.Equal(1500, report.GetProperty("totalConflicts").GetInt32());
        Assert.Equal(2, report.GetProperty("conflicts")[0].GetProperty("row").GetInt32());
    }

    // Everything an import could change: the values as exported, the targets, and the audit trail.
    private async Task<string> SnapshotAsync()
    {
        var admin = factory.ClientFor("admin");
        var snapshot = new StringBuilder();
        for (var year = 2016; year <= FarYear; year++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Values}?orgUnit=VN&period={year.ToString(CultureInfo.InvariantCulture)}&children=true");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
            var response = await admin.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            snapshot.Append(await response.Content.ReadAsStringAsync());
        }
        var metadata = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/metadata")).RootElement;
        snapshot.Append(metadata.GetProperty("targets").GetRawText());
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        snapshot.Append(CultureInfo.InvariantCulture, $"|{await db.DataValues.CountAsync()}|{await db.DataValueAudits.CountAsync()}|{await db.AuditBatches.CountAsync()}|{await db.Targets.CountAsync()}|{await db.TargetAudits.CountAsync()}");
        return snapshot.ToString();
    }
}
