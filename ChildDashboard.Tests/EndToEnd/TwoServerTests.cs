using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChildDashboard.Tests.Core;
using Microsoft.Playwright;
using Npgsql;
using Xunit.Abstractions;

namespace ChildDashboard.Tests.EndToEnd;

// Two real app processes on loopback against one PostgreSQL database: a value written through the
// API of one shows in the analytics answer and on an open page of the other, without a reload.
[Collection(EndToEndCollection.Name)]
public sealed class TwoServerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _database = $"cd_test_{Guid.NewGuid():N}";
    private readonly List<AppServer> _servers = [];

    public async Task InitializeAsync()
    {
        await ExecuteAsync($"CREATE DATABASE {_database}");
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSQL",
            ["ConnectionStrings__Default"] = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString()) { Database = _database }.ToString(),
        };
        // One after the other: the first migrates and seeds, the second finds it done.
        _servers.Add(await AppServer.StartAsync(settings: settings));
        _servers.Add(await AppServer.StartAsync(settings: settings));
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
            await server.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }

    [SkippableFact]
    public async Task AValueWrittenOnOneServerShowsOnAPageOpenOnTheOther()
    {
        var (writer, reader) = (_servers[0], _servers[1]);
        // Last year's demo forms are approved: open Hà Nội's last one, and show that year.
        var year = DateTime.UtcNow.AddHours(7).Year - 1;
        await ExecuteAsync($"UPDATE \"ReportForms\" SET \"Status\" = 'Draft' WHERE \"Period\" = '{year}Q4'", _database);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = reader.BaseAddress.ToString() });
        await page.GotoAsync("/account/login");
        await page.FillAsync("#userName", "admin");
        await page.FillAsync("#password", AppServer.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.GotoAsync($"/?period={year}");
        var figure = page.Locator("tr.ind-row[data-indicator=HRT01] td.col-value");
        await Assertions.Expect(figure).Not.ToBeEmptyAsync();
        var before = (await figure.InnerTextAsync()).Trim();

        using var api = Client(writer);
        using var readerApi = Client(reader);
        var stored = await StoredAsync(api, $"HEART_SURGERY", $"{year}Q4", "01", "MALE");
        var analyticsBefore = await NationalHeartSurgeriesAsync(readerApi, year);
        var started = Stopwatch.GetTimestamp();
        var csv = $"dataelement,period,orgunit,categoryoptioncombo,value\nHEART_SURGERY,{year}Q4,01,MALE,{(stored + 1000).ToString(CultureInfo.InvariantCulture)}\n";
        using (var response = await api.PostAsync("/api/v1/dataValueSets", new StringContent(csv, Encoding.UTF8, "text/csv")))
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        double? analyticsAfter;
        while ((analyticsAfter = await NationalHeartSurgeriesAsync(readerApi, year)) == analyticsBefore)
        {
            Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(20), "The other server's analytics never changed.");
            await Task.Delay(20);
        }
        var analyticsDelay = Stopwatch.GetElapsedTime(started);
        await Assertions.Expect(figure).Not.ToHaveTextAsync(before, new() { Timeout = 20_000 });
        var pageDelay = Stopwatch.GetElapsedTime(started);

        Assert.Equal(analyticsBefore + 1000, analyticsAfter);
        output.WriteLine($"Two servers: the other's analytics after {analyticsDelay.TotalMilliseconds:F0} ms, its open page after {pageDelay.TotalMilliseconds:F0} ms.");
        Assert.True(pageDelay < TimeSpan.FromSeconds(5), $"The page took {pageDelay.TotalMilliseconds:F0} ms.");
    }

    private static HttpClient Client(AppServer server)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{AppServer.AdminPassword}")));
        return client;
    }

    private static async Task<double> StoredAsync(HttpClient api, string element, string period, string unit, string option)
    {
        var json = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/dataValueSets?dataElement={element}&period={period}&orgUnit={unit}"));
        return json.RootElement.GetProperty("dataValues").EnumerateArray()
            .Where(v => v.GetProperty("categoryOptionCombo").GetString() == option && v.GetProperty("period").GetString() == period)
            .Select(v => double.Parse(v.GetProperty("value").GetString() ?? "0", CultureInfo.InvariantCulture))
            .Single();
    }

    private static async Task<double?> NationalHeartSurgeriesAsync(HttpClient api, int year)
    {
        var json = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/analytics?indicator=HRT01&orgUnit=VN&period={year}"));
        var value = json.RootElement.GetProperty("rows")[0].GetProperty("value");
        return value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
    }

    private static async Task ExecuteAsync(string sql, string? database = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString());
        if (database is not null)
            builder.Database = database;
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
