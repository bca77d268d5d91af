using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ChildDashboard.Tests.EndToEnd;

// The real app process killed (SIGKILL) while a large import is being written, then started again
// on the same database: nothing of the import is there, the database is intact, and the same file
// then imports whole. In the end-to-end collection so that it never runs beside the browser tests.
[Collection(EndToEndCollection.Name)]
public sealed class ResilienceTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("childdashboard-kill-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task AnImportKilledWhileWritingLeavesNothingAndImportsWholeAfterARestart()
    {
        var (csv, rows) = LargeImport();
        Assert.True(rows > 150_000, $"{rows} rows");
        var server = await AppServer.StartAsync(_data, demoData: false);
        bool wasWriting;
        try
        {
            using var http = Client(server);
            var upload = http.PostAsync("api/v1/dataValueSets", new StringContent(csv, Encoding.UTF8, "text/csv"));
            // An import holds SQLite's write lock from its first read to its commit.
            var watch = Stopwatch.StartNew();
            while (!(wasWriting = IsWriting(server.DatabaseFile)) && !upload.IsCompleted && watch.Elapsed < TimeSpan.FromMinutes(3))
                await Task.Delay(20);
            await server.KillAsync();
            // Had it finished before the kill, there would be an answer instead of a dropped connection.
            await Assert.ThrowsAnyAsync<Exception>(() => upload);
        }
        finally
        {
            await server.DisposeAsync();
        }
        Assert.True(wasWriting, "The import was never seen inside its transaction before the kill.");

        await using var restarted = await AppServer.StartAsync(_data, demoData: false);
        Assert.Equal((0L, 0L, 0L), await CountsAsync(restarted.DatabaseFile));
        Assert.Equal("ok", await ScalarAsync(restarted.DatabaseFile, "PRAGMA integrity_check"));

        using var again = Client(restarted);
        var response = await again.PostAsync("api/v1/dataValueSets", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(rows, report.GetProperty("importCount").GetProperty("imported").GetInt32());
        Assert.Equal(((long)rows, (long)rows, 1L), await CountsAsync(restarted.DatabaseFile));
    }

    // Whether another connection holds the write lock: BEGIN IMMEDIATE is refused (SQLITE_BUSY) for a second.
    private static bool IsWriting(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandTimeout = 1;
        command.CommandText = "BEGIN IMMEDIATE";
        try
        {
            command.ExecuteNonQuery();
            command.CommandText = "ROLLBACK";
            command.ExecuteNonQuery();
            return false;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            return true;
        }
    }

    private static HttpClient Client(AppServer server)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + AppServer.AdminPassword)));
        return http;
    }

    private static async Task<(long Values, long Audits, long Batches)> CountsAsync(string database) => (
        Convert.ToInt64(await ScalarAsync(database, "SELECT COUNT(*) FROM DataValues"), System.Globalization.CultureInfo.InvariantCulture),
        Convert.ToInt64(await ScalarAsync(database, "SELECT COUNT(*) FROM DataValueAudits"), System.Globalization.CultureInfo.InvariantCulture),
        Convert.ToInt64(await ScalarAsync(database, "SELECT COUNT(*) FROM AuditBatches"), System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    // Every quarterly element of the 63 provinces of 2007–2024, for every quarter and option: about
    // 172,000 values (6.5 MB), all equal, so that every validation rule (A ≤ B) holds.
    private static (string Csv, int Rows) LargeImport()
    {
        var seed = Path.Combine(RepoRoot.Path, "ChildDashboard.Core", "Persistence", "Seed");
        var provinces = File.ReadLines(Path.Combine(seed, "provinces.tsv")).Skip(1).Select(l => l.Split('\t'))
            .Where(f => f[0] != "VN" && string.CompareOrdinal(f[3], "2007-01-01") <= 0).Select(f => f[0]).ToList();
        var elements = File.ReadLines(Path.Combine(seed, "data-elements.tsv")).Skip(1).Select(l => l.Split('\t'))
            .Where(f => f[3] == "Quarterly").Select(f => (Code: f[0], Options: f[6] == "sex" ? new[] { "MALE", "FEMALE" } : [""])).ToList();
        var csv = new StringBuilder("dataelement,period,orgunit,categoryoptioncombo,value\n");
        var rows = 0;
        for (var year = 2007; year <= 2024; year++)
        {
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                foreach (var province in provinces)
                {
                    foreach (var (code, options) in elements)
                    {
                        foreach (var option in options)
                        {
                            csv.Append(code).Append(',').Append(year).Append('Q').Append(quarter).Append(',').Append(province).Append(',').Append(option).Append(",5\n");
                            rows++;
                        }
                    }
                }
            }
        }
        return (csv.ToString(), rows);
    }
}
