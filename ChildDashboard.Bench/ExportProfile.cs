using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using SpreadCheetah;

namespace ChildDashboard.Bench;

// `-- --export [db]`: the full national raw export over HTTP (GET /api/v1/dataValueSets for VN with
// children, every year), as CSV and as .xlsx, timed, with the server's resident memory sampled while
// it streams; and SpreadCheetah alone writing as many rows of the same cells, for the ratio.
public static class ExportProfile
{
    public static async Task RunAsync(HttpClient http, ServerProcess server, IReadOnlyList<string> years)
    {
        var query = "/api/v1/dataValueSets?orgUnit=VN&children=true&" + string.Join("&", years.Select(y => "period=" + y));
        // A start from the snapshot re-reads every value in the background (README, "A fast start"):
        // measured while it runs, the first export would be charged for it.
        if (!await server.WaitForLogAsync(line => line.Contains("values from the database", StringComparison.Ordinal), TimeSpan.FromMinutes(3)))
            Console.WriteLine("Warning: the server's background read of the values did not finish within 3 minutes.");
        var (_, before) = server.Memory();
        Console.WriteLine($"Server memory before the exports: {before:N0} MB resident.");
        var csv = await MeasureAsync(http, server, query, "text/csv");
        var xlsx = await MeasureAsync(http, server, query, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var bare = await BareSpreadCheetahAsync(csv.Rows);
        Console.WriteLine();
        Console.WriteLine($"Load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("| export | rows | size | time | server CPU | client CPU | server memory while streaming |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Console.WriteLine($"| CSV | {csv.Rows:N0} | {csv.Bytes / 1e6:N0} MB | {csv.Seconds:N1} s | {csv.ServerCpu:N1} s | {csv.ClientCpu:N1} s | {csv.MinMb:N0}–{csv.MaxMb:N0} MB resident |");
        Console.WriteLine($"| .xlsx | {csv.Rows:N0} | {xlsx.Bytes / 1e6:N0} MB | {xlsx.Seconds:N1} s | {xlsx.ServerCpu:N1} s | {xlsx.ClientCpu:N1} s | {xlsx.MinMb:N0}–{xlsx.MaxMb:N0} MB resident |");
        Console.WriteLine($"| SpreadCheetah alone, same row count and cells, to a null stream | {csv.Rows:N0} | — | {bare:N1} s | ratio .xlsx export ÷ bare = {xlsx.Seconds / bare:N2} |");
    }

    // Wall time and the CPU time each side spent: on a machine shared with other builds the wall
    // time mostly measures the wait for a core, the CPU time what the export itself costs.
    private sealed record Measured(long Rows, long Bytes, double Seconds, double ServerCpu, double ClientCpu, double MinMb, double MaxMb);

    private static async Task<Measured> MeasureAsync(HttpClient http, ServerProcess server, string query, string accept)
    {
        var samples = new List<double>();
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                samples.Add(server.Memory().CurrentMb);
                await Task.Delay(250);
            }
        });
        Console.WriteLine($"  {accept}: load average before {File.ReadAllText("/proc/loadavg").Trim()}");
        var serverCpu = server.CpuTimes();
        using var self = Process.GetCurrentProcess();
        var clientCpu = self.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var request = new HttpRequestMessage(HttpMethod.Get, query);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1 << 16];
        long bytes = 0, lines = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var serverAfter = server.CpuTimes();
        var (serverUser, serverSystem) = ((serverAfter.User - serverCpu.User).TotalSeconds, (serverAfter.System - serverCpu.System).TotalSeconds);
        var usedByServer = serverUser + serverSystem;
        self.Refresh();
        var usedByClient = (self.TotalProcessorTime - clientCpu).TotalSeconds;
        await stop.CancelAsync();
        await sampler;
        Console.WriteLine($"  {accept}: {bytes / 1e6:N0} MB in {seconds:N1} s (server CPU {usedByServer:N1} s: user {serverUser:N1}, system {serverSystem:N1}; client {usedByClient:N1} s), server {samples.Min():N0}–{samples.Max():N0} MB resident");
        return new Measured(lines - 1, bytes, seconds, usedByServer, usedByClient, samples.Min(), samples.Max());
    }

    private static async Task<double> BareSpreadCheetahAsync(long rows)
    {
        var started = Stopwatch.GetTimestamp();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(Stream.Null))
        {
            await spreadsheet.StartWorksheetAsync("DataValues");
            var row = new DataCell[11];
            var stamp = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture);
            for (long i = 0; i < rows; i++)
            {
                row[0] = new DataCell("HEART_SURGERY");
                row[1] = new DataCell("2025Q3");
                row[2] = new DataCell("01001");
                row[3] = new DataCell("MALE");
                row[4] = new DataCell("");
                row[5] = new DataCell((double)(i % 1000));
                row[6] = new DataCell("bench");
                row[7] = new DataCell(stamp);
                row[8] = new DataCell((string?)null);
                row[9] = new DataCell("false");
                row[10] = new DataCell("");
                await spreadsheet.AddRowAsync(row);
            }
            await spreadsheet.FinishAsync();
        }
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
