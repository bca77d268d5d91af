using System.Net;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Writer = ChildDashboard.Core.Exchange.Reports.SummaryWorkbookWriter;

namespace ChildDashboard.Tests.Web.Api;

// GET /api/v1/reports/summary and /reports/ministry against the real app: .xlsx answers whose
// figures are the analytics endpoint's for the same question; a unit outside the scope is 403.
public class ReportsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task TheSummaryHoldsTheAnalyticsAnswersForTheSameQuestion()
    {
        var import = await factory.ClientFor("analyst").PostAsync("/api/v1/dataValueSets", new StringContent(
            "dataelement,period,orgunit,categoryoptioncombo,value\nABANDONED,2024Q2,01,,3\nHEART_SURGERY,2024Q3,01,MALE,7\nCSC_TOTAL,2024Q4,01,MALE,40\nCSC_TOTAL,2024Q4,01,FEMALE,35\nCSC_SUPPORTED,2024Q4,01,MALE,30\nCSC_SUPPORTED,2024Q4,01,FEMALE,30\n",
            Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var client = factory.ClientFor("hanoi");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var analytics = JsonDocument.Parse(await client.GetStringAsync("/api/v1/analytics?indicator=ALL&orgUnit=01&period=2024")).RootElement
            .GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("indicator").GetString()!);
        var response = await client.GetAsync("/api/v1/reports/summary?orgUnit=01&period=2024");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("summary-01-2024.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet("Summary");
        var header = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "Code").RowNumber();
        var rows = sheet.RowsUsed().Where(r => r.RowNumber() > header).ToDictionary(r => r.Cell(1).GetString());
        Assert.Equal(analytics.Count, rows.Count);
        foreach (var (code, answer) in analytics)
        {
            var cell = rows[code].Cell(Writer.ValueColumn);
            if (answer.GetProperty("value").ValueKind == JsonValueKind.Null)
                Assert.True(cell.IsEmpty(), code);
            else
                Assert.Equal(answer.GetProperty("value").GetDouble(), cell.GetDouble(), 9);
            Assert.Equal(answer.GetProperty("status").GetString() switch { "NoData" => "No data", "NoTarget" => "No target", "OnTrack" => "On track", "AtRisk" => "At risk", "OffTrack" => "Off track", var s => s },
                rows[code].Cell(Writer.StatusColumn).GetString());
        }
        Assert.Equal(3, rows["CP08"].Cell(Writer.ValueColumn).GetDouble());
        Assert.Equal(80, rows["CP03"].Cell(Writer.ValueColumn).GetDouble(), 9);
    }

    [Fact]
    public async Task TheMinistryReportIsAnXlsxForTheProvinceAndRefusedOutsideItsScope()
    {
        var client = factory.ClientFor("hanoi");

        var own = await client.GetAsync("/api/v1/reports/ministry?orgUnit=01&report=2025S1");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(XlsxType, own.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(await own.Content.ReadAsStreamAsync());
        Assert.Equal("Báo cáo", workbook.Worksheet(1).Name);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/reports/ministry?orgUnit=VN&report=2025S1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/reports/summary?orgUnit=15&period=2025")).StatusCode);
        var wrong = await client.GetAsync("/api/v1/reports/ministry?orgUnit=01&report=2025Q2");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor("leader").GetAsync("/api/v1/reports/ministry?orgUnit=VN&report=2025")).StatusCode);
    }
}
