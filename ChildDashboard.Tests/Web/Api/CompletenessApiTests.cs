using System.Net;
using System.Text;
using System.Text.Json;

namespace ChildDashboard.Tests.Web.Api;

// GET /api/v1/completeness (exchange.md §4) against the real app.
public class CompletenessApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string user, string query)
    {
        var response = await factory.ClientFor(user).GetAsync("/api/v1/completeness?" + query);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    private static List<JsonElement> Rows(JsonElement body) => body.GetProperty("rows").EnumerateArray().ToList();

    [Fact]
    public async Task The_nation_after_the_merger_has_34_forms_of_41_pairs_each_with_a_row_per_form()
    {
        var (status, body) = await GetAsync("leader", "orgUnit=VN&period=2025Q3&children=true");

        Assert.Equal(HttpStatusCode.OK, status);
        var rows = Rows(body);
        Assert.Equal(35, rows.Count);
        var nation = rows[0];
        Assert.Equal(("VN", "2025Q3", 1394, 34), (nation.GetProperty("orgUnit").GetString(), nation.GetProperty("period").GetString(),
            nation.GetProperty("expected").GetInt32(), nation.GetProperty("forms").GetInt32()));
        Assert.All(rows.Skip(1), r => Assert.Equal(41, r.GetProperty("expected").GetInt32()));
        var laoCai = rows.Single(r => r.GetProperty("orgUnit").GetString() == "15");
        Assert.Equal(("Draft", "2025-10-15", false), (laoCai.GetProperty("status").GetString(), laoCai.GetProperty("deadline").GetString(), laoCai.GetProperty("onTime").GetBoolean()));
        Assert.True(laoCai.GetProperty("daysOverdue").GetInt32() > 0);
        Assert.False(laoCai.TryGetProperty("submitted", out _));
    }

    [Fact]
    public async Task Imported_values_count_as_entered_and_completeness_is_a_ratio()
    {
        var import = await factory.ClientFor("analyst").PostAsync("/api/v1/dataValueSets", new StringContent(
            "dataelement,period,orgunit,categoryoptioncombo,value\nABANDONED,2024Q2,01,,3\nHEART_SURGERY,2024Q2,01,MALE,1\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);

        var (_, body) = await GetAsync("hanoi", "orgUnit=01&period=2024Q2");

        var row = Assert.Single(Rows(body));
        Assert.Equal((41, 2, Math.Round(2.0 / 41, 4)), (row.GetProperty("expected").GetInt32(), row.GetProperty("entered").GetInt32(), row.GetProperty("completeness").GetDouble()));
    }

    [Fact]
    public async Task A_closed_province_answers_for_its_own_quarters_with_its_yearly_values_in_its_last_form()
    {
        var (_, before) = await GetAsync("leader", "orgUnit=15@2025-01-01&period=2025Q2&children=true");
        var (_, after) = await GetAsync("leader", "orgUnit=15@2025-01-01&period=2025Q3");

        var rows = Rows(before);
        Assert.Equal(2, rows.Count);
        Assert.Equal(("15@2025-04-01", 56), (rows[1].GetProperty("orgUnit").GetString(), rows[1].GetProperty("expected").GetInt32()));
        Assert.Empty(Rows(after));
    }

    [Fact]
    public async Task A_province_user_is_answered_for_its_province_and_refused_others_with_403()
    {
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("hanoi", "orgUnit=01&period=2025Q3")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("hanoi", "orgUnit=VN&period=2025Q3")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("hanoi", "orgUnit=31&period=2025Q3")).Status);
    }

    [Fact]
    public async Task Bad_parameters_are_400_with_every_reason()
    {
        var (status, body) = await GetAsync("leader", "orgUnit=XX&period=2025Q9");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(2, body.GetProperty("errors").GetArrayLength());
    }
}
