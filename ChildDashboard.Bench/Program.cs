using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChildDashboard.Bench;
using ChildDashboard.Bench.Circuits;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using Microsoft.EntityFrameworkCore;

// The national-scale benchmark (README, "Benchmarks"): builds ~6 M values, starts the server as it
// is deployed (published with ReadyToRun), and measures the questions leaders ask and the import analysts run, over HTTP.
var repoRoot = RepoRoot();
var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent?.Name ?? "Debug";
var dbPath = args.Length == 1 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : Path.Combine(repoRoot, "artifacts", "bench", "national.db");
var runs = 30;
var warmups = 100;
var serverTimes = new List<double>();
if (configuration != "Release")
    Console.WriteLine($"Warning: this is a {configuration} build; run with -c Release for figures worth quoting.");

var time = TimeProvider.System;
if (args.Length >= 1 && args[0] == "--entry")
{
    await EntryProfile.RunAsync(Path.Combine(repoRoot, "artifacts", "bench"), args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60,
        args.Length > 2 ? args[2] : null);
    return 0;
}
// `-- --circuits 100,300,1000 --minutes 10 [--hold-at 1000] [--writes 10] [--parallel 8] [--page /] [--set KEY=VALUE ...]`: open pages (README, "Many open pages").
if (args.Length > 1 && args[0] == "--circuits")
{
    await new CircuitLoad(CircuitLoadOptions.Parse(args), repoRoot, configuration).RunAsync();
    return 0;
}
// `-- --xlsx`: the entry template and a 100,000-row .xlsx import, in this process (README, "Benchmarks").
if (args.Length == 1 && args[0] == "--xlsx")
{
    var units = new NationalDatabase(Path.Combine(repoRoot, "artifacts", "bench", "xlsx.db"), time);
    await units.BuildAsync(CancellationToken.None, withValues: false);
    var set = await ImportSetAsync(units, Period.ForQuarter(2026, 4));
    await XlsxProfile.RunAsync(units, set.Select(r => new ChildDashboard.Core.Exchange.ExportedValue(
        r.Element, r.Period, r.Unit, r.Option, r.Value, null, DateTime.UtcNow, null)).ToList());
    return 0;
}
// `-- --reports [db]`: the summary workbook and the ministry reports (README, "Benchmarks").
if (args.Length >= 1 && args[0] == "--reports")
{
    await ReportsProfile.RunAsync(Path.Combine(repoRoot, "artifacts", "bench"), args.Length > 1 ? args[1] : null);
    return 0;
}
// `-- --export-phases DB [year ...]`: the raw export in this process, phase by phase (README, "Benchmarks").
if (args.Length > 1 && args[0] == "--export-phases")
{
    await ExportPhases.RunAsync(new NationalDatabase(Path.GetFullPath(args[1]), time), args.Length > 2 ? args[2..] : ["2024", "2025"]);
    return 0;
}
if (args.Length == 1 && args[0] == "--fanout")
{
    await FanoutProfile.RunAsync(Path.Combine(repoRoot, "artifacts", "bench"));
    return 0;
}
// `-- --postgres "Host=...;Database=cd_bench;Username=...;Password=..."`: the same on PostgreSQL.
var postgres = args.Length > 1 && args[0] == "--postgres" ? args[1] : null;
var database = postgres is not null
    ? new NationalDatabase(dbPath, time, postgres)
    // A full path: the server runs in another directory and would otherwise open (and create) another file.
    : new NationalDatabase(Path.GetFullPath(args.Length > 1 && args[0].StartsWith("--", StringComparison.Ordinal) ? args[1] : dbPath), time);
if (args.Length > 1 && args[0] == "--import-profile")
{
    var set = await ImportSetAsync(database, Period.ForQuarter(2026, 4));
    await ImportProfile.RunAsync(database, set.Select((r, i) => new ChildDashboard.Core.Exchange.DataValueRow(
        i + 2, r.Element, r.Period, r.Unit, r.Option, r.Value.ToString(CultureInfo.InvariantCulture))).ToList());
    return 0;
}
if (args.Length > 1 && args[0] == "--profile")
{
    await using var catalogueDb = database.Open();
    var codes = (await catalogueDb.OrgUnits.Where(u => u.Level == 2 && u.ClosedDate == null).Select(u => u.Code).ToListAsync()).Prepend("VN").ToList();
    await AnalyticsProfile.RunAsync(database, [
        new(["ALL"], codes, ["2025"]),
        new(["CP01", "CP02", "CP03", "INJ05", "INJ06", "INJ07", "PART04", "HIV01"], codes, ["2025"]),
        new(["HRT01", "INJ01", "INJ02", "INJ03", "INJ04", "INJ08", "CL01", "CL02", "CL03", "CP04", "CP05", "CP06", "CP07", "CP08", "CP09"], codes, ["2025"]),
        new(["BUD01", "BUD02", "NPA02", "NPA05", "CFC01", "CFC02", "PART01"], codes, ["2025"]),
        new(["ALL"], codes, ["2024"]),
        new(["ALL"], ["01"], Enumerable.Range(2016, 10).Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList()),
    ]);
    return 0;
}
var results = new List<(string Measure, string Goal, string Result)>();
// `-- --export [db]`: the raw export only, on the database at that path when it is already built.
var exportOnly = args.Length >= 1 && args[0] == "--export";
if (exportOnly && args.Length > 1)
    dbPath = Path.GetFullPath(args[1]);

// `-- --cold-start`: only the two starts, on the database the last full run built.
var coldStartOnly = args.Contains("--cold-start");
var started = Stopwatch.GetTimestamp();
long stored;
if ((coldStartOnly || exportOnly) && await database.ExistingValuesAsync(CancellationToken.None) is { } existing)
{
    stored = existing;
}
else
{
    Console.WriteLine($"Building the national database on {database.Provider} ...");
    stored = await database.BuildAsync(CancellationToken.None);
}
var buildSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
Console.WriteLine($"  {stored:N0} values in {buildSeconds:F1} s ({stored / buildSeconds:N0} values/s){(database.Provider == DatabaseProvider.Sqlite ? $", {new FileInfo(dbPath).Length / 1e6:N0} MB" : "")}");


var adminPassword = "Bench-" + Guid.NewGuid().ToString("N")[..12];
var snapshotPath = Path.Combine(repoRoot, "artifacts", "bench", $"analytics-{database.Provider}.values");
string[] provinces;
await using (var db = database.Open())
    provinces = (await db.OrgUnits.Where(u => u.Level == 2 && u.ClosedDate == null).Select(u => u.Code).ToListAsync()).Order(StringComparer.Ordinal).ToArray();
var nationalQuery = "/api/v1/analytics?indicator=ALL&orgUnit=VN&" + string.Join("&", provinces.Select(p => "orgUnit=" + p)) + "&period=2025";
var trendQuery = "/api/v1/analytics?indicator=ALL&orgUnit=01&" + string.Join("&", Enumerable.Range(2016, 10).Select(y => "period=" + y));
string? token = null; // made once the first start has created the admin account

// The server is the app as deployed, published with ReadyToRun (ServerProcess), before any start is timed.
await ServerProcess.PublishAsync(repoRoot, configuration);
// Two starts: the first reads every value from the database (and saves the snapshot), the second
// copies the snapshot back and catches up from the audit trail.
File.Delete(snapshotPath);
var (first, _) = await ColdStartAsync("First national question after a start without a snapshot (reads ~6 M values from the database)");
await first.DisposeAsync();
var (server, nationalRows) = await ColdStartAsync("First national question after a start from the snapshot");
await using var _ = server;
using var http = Client(server);
if (exportOnly)
{
    await ExportProfile.RunAsync(http, server, Enumerable.Range(NationalDatabase.FirstQuarter.Start.Year, NationalDatabase.LastQuarter.Start.Year - NationalDatabase.FirstQuarter.Start.Year + 1)
        .Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList());
    return 0;
}
if (coldStartOnly)
{
    foreach (var (measure, goal, result) in results)
        Console.WriteLine($"| {measure} | {goal} | {result} |");
    return 0;
}
var withStatus = nationalRows.Count(r => r.GetProperty("status").GetString() is not "NoData" and not "NoTarget");

var national = await Timings.MeasureAsync(warmups, runs, () => RowsAsync(nationalQuery), serverTimes.Clear);
var nationalServer = Median(serverTimes);
results.Add(($"National dashboard: 34 indicators × (VN + 34 provinces), 2025, with status ({nationalRows.Count} rows)", "≤ 50 ms p50",
    $"p50 {national.P50:N1} ms, p95 {national.P95:N1} ms (arithmetic alone: {nationalServer:N1} ms)"));
var trend = await Timings.MeasureAsync(warmups, runs, () => RowsAsync(trendQuery), serverTimes.Clear);
results.Add(("One province's 10-year trend, all indicators (340 rows)", "≤ 20 ms p50",
    $"p50 {trend.P50:N1} ms, p95 {trend.P95:N1} ms (arithmetic alone: {Median(serverTimes):N1} ms)"));

var live = new List<double>();
for (var i = 1; i <= 5; i++)
    live.Add(await LiveUpdateAsync(i));
live.Sort();
results.Add(("Saved value visible in the national answer (POST, then the next question)", "≤ 1 s", $"median {live[2]:N0} ms, max {live[^1]:N0} ms"));

// Three imports of 100,000 new values (three quarters), each after a plain insert of the same rows
// (committed, then deleted): the disk-bound figures vary from run to run on a virtual machine.
var importRates = new List<double>();
var plainRates = new List<double>();
foreach (var quarter in new[] { Period.ForQuarter(2026, 4), Period.ForQuarter(2027, 1), Period.ForQuarter(2027, 2) })
{
    var importSet = await ImportSetAsync(database, quarter);
    plainRates.Add(await PlainInsertRateAsync(database, importSet, quarter));
    var csv = new StringBuilder("dataelement,period,orgunit,categoryoptioncombo,value\n");
    foreach (var row in importSet)
        csv.Append(CultureInfo.InvariantCulture, $"{row.Element},{row.Period},{row.Unit},{row.Option},{row.Value}\n");
    started = Stopwatch.GetTimestamp();
    var import = await http.PostAsync("/api/v1/dataValueSets", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
    var importSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    var report = JsonDocument.Parse(await import.Content.ReadAsStringAsync()).RootElement;
    var imported = report.GetProperty("importCount").GetProperty("imported").GetInt32();
    if (!import.IsSuccessStatusCode || imported != importSet.Count)
        throw new InvalidOperationException($"The import failed ({(int)import.StatusCode}): {report}");
    importRates.Add(imported / importSeconds);
    Console.WriteLine($"  {quarter}: import {importRates[^1]:N0} values/s, plain insert {plainRates[^1]:N0} rows/s");
}
results.Add(("CSV import through the API: 100,000 new values (checks, rules, audit, notification), median of 3", "≥ 50,000 values/s",
    $"{Median(importRates):N0} values/s (runs: {string.Join(", ", importRates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))})"));
results.Add(("  … against a plain prepared insert of the same rows, median of 3", "physical limit",
    $"{Median(plainRates):N0} rows/s (ratio {Median(importRates) / Median(plainRates):P0})"));

var after = await Timings.MeasureAsync(warmups, runs, () => RowsAsync(nationalQuery));
results.Add(("National dashboard again, after the import", "≤ 50 ms p50", $"p50 {after.P50:N1} ms, p95 {after.P95:N1} ms"));
var (peak, current) = server.Memory();
results.Add(("Server process memory", "—", $"peak {peak:N0} MB, now {current:N0} MB"));

Console.WriteLine();
Console.WriteLine($"Database: {database.Provider}. Data: {stored:N0} stored values on {NationalDatabase.Communes * 2:N0} communes, {Environment.ProcessorCount} cores, {configuration}; {withStatus} of {nationalRows.Count} national rows have a status.");
Console.WriteLine();
Console.WriteLine("| measure | goal | result |");
Console.WriteLine("|---|---|---|");
foreach (var (measure, goal, result) in results)
    Console.WriteLine($"| {measure} | {goal} | {result} |");
return 0;

HttpClient Client(ServerProcess process)
{
    var client = new HttpClient { BaseAddress = process.Address, Timeout = TimeSpan.FromMinutes(5) };
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    return client;
}

async Task<(ServerProcess Server, List<JsonElement> Rows)> ColdStartAsync(string measure)
{
    var launched = Stopwatch.GetTimestamp();
    var process = await ServerProcess.StartAsync(repoRoot, configuration, database.Provider, database.ConnectionString, adminPassword, snapshotPath);
    var answered = Stopwatch.GetElapsedTime(launched).TotalSeconds;
    token ??= await TokenAsync(database, time);
    using var client = Client(process);
    var response = await client.GetAsync(nationalQuery);
    response.EnsureSuccessStatusCode();
    var rows = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("rows").EnumerateArray().ToList();
    results.Add((measure, "≤ 3 s after launch", $"{Stopwatch.GetElapsedTime(launched).TotalSeconds:N1} s after launch (the server answered after {answered:N1} s)"));
    Console.WriteLine($"  {measure}: {results[^1].Result}");
    return (process, rows);
}

async Task<List<JsonElement>> RowsAsync(string query)
{
    var response = await http.GetAsync(query);
    response.EnsureSuccessStatusCode();
    if (response.Headers.TryGetValues("Server-Timing", out var timing))
        serverTimes.Add(double.Parse(timing.First().Split("dur=")[1], CultureInfo.InvariantCulture));
    using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    return document.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.Clone()).ToList();
}

// Adds `step` × 1000 heart surgeries to one commune's 2025Q4 and waits until the national value shows them.
async Task<double> LiveUpdateAsync(int step)
{
    double NationalHeart(List<JsonElement> rows) => rows.Single(r => r.GetProperty("indicator").GetString() == "HRT01" && r.GetProperty("orgUnit").GetString() == "VN").GetProperty("value").GetDouble();
    var before = NationalHeart(await RowsAsync(nationalQuery));
    var body = $$"""{"dataValues":[{"dataElement":"HEART_SURGERY","period":"2025Q4","orgUnit":"01000","categoryOptionCombo":"MALE","value":"{{1000 * step}}"}]}""";
    var clock = Stopwatch.GetTimestamp();
    (await http.PostAsync("/api/v1/dataValueSets", new StringContent(body, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
    while (NationalHeart(await RowsAsync(nationalQuery)) == before)
    {
        if (Stopwatch.GetElapsedTime(clock).TotalSeconds > 10)
            throw new TimeoutException("The saved value did not reach the national answer within 10 s.");
    }
    return Stopwatch.GetElapsedTime(clock).TotalMilliseconds;
}

// 100,000 new values of a quarter: every quarterly element and option (38 a commune) on the first communes.
static async Task<List<(string Element, string Period, string Unit, string Option, double Value, int ElementId, int UnitId)>> ImportSetAsync(NationalDatabase database, Period quarter)
{
    await using var db = database.Open();
    var communes = await db.OrgUnits.AsNoTracking().Where(u => u.Level == 3 && u.ClosedDate == null).OrderBy(u => u.Id).Take(2632).ToListAsync();
    var elements = await db.DataElements.AsNoTracking().Where(e => e.PeriodType == PeriodType.Quarterly).OrderBy(e => e.Id).ToListAsync();
    var rows = new List<(string, string, string, string, double, int, int)>();
    foreach (var commune in communes)
    {
        foreach (var element in elements)
        {
            foreach (var option in element.IsDisaggregated ? ["MALE", "FEMALE"] : new[] { "default" })
                rows.Add((element.Code, quarter.Code, commune.Code, option, NationalDatabase.SyntheticValue(element, commune, quarter), element.Id, commune.Id));
        }
    }
    return rows.Take(100_000).ToList();
}

static double Median(List<double> samples) => samples.Count == 0 ? double.NaN : samples.Order().ElementAt(samples.Count / 2);

static async Task<double> PlainInsertRateAsync(NationalDatabase database, List<(string Element, string Period, string Unit, string Option, double Value, int ElementId, int UnitId)> rows, Period quarter)
{
    await using var db = database.Open();
    await db.Database.OpenConnectionAsync();
    var connection = db.Database.GetDbConnection();
    await using var transaction = await connection.BeginTransactionAsync();
    var now = DateTime.UtcNow;
    var started = Stopwatch.GetTimestamp();
    await BulkValueWriter.InsertAsync(connection,
        rows.Select(r => new BulkValueWriter.NewValue(r.ElementId, r.UnitId, Period.Parse(r.Period), r.Option, r.Value, now)), "plain", CancellationToken.None);
    await transaction.CommitAsync();
    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    // Gone again before the import writes the same keys.
    var code = quarter.Code;
    await db.Database.ExecuteSqlAsync($"DELETE FROM \"DataValues\" WHERE \"StoredBy\" = 'plain' AND \"Period\" = {code}");
    return rows.Count / seconds;
}

static async Task<string> TokenAsync(NationalDatabase database, TimeProvider time)
{
    await using var db = database.Open();
    var admin = await db.Users.SingleAsync(u => u.UserName == "admin");
    var tokens = new ApiTokenService(new SingleFileFactory(database), time);
    return (await tokens.CreateAsync(admin.Id, "benchmark", 30)).Token;
}

static string RepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ChildDashboard.sln")))
            return dir.FullName;
    }
    throw new InvalidOperationException("Run the benchmark from inside the repository.");
}
