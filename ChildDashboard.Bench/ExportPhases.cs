using System.Diagnostics;
using System.Globalization;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Bench;

// `-- --export-phases DB [year ...]`: the raw export in this process, split into its phases, each on
// the same periods (default 2024 and 2025): SQLite alone (the export's query stepped, the floor),
// the service's rows without writing them, then the CSV and the .xlsx written to a null stream. Wall and CPU time per phase: on a shared machine the CPU time is the figure to compare.
public static class ExportPhases
{
    public static async Task RunAsync(NationalDatabase database, IReadOnlyList<string> years)
    {
        var factory = new SingleFileFactory(database);
        var exports = new DataValueExportService(factory, new CatalogueCache(factory), TimeProvider.System);
        var plan = await exports.PlanAsync(new DataValueExportService.Query(["VN"], years, [], true), scope: null);
        if (plan.Errors.Count > 0)
            throw new InvalidOperationException(string.Join(" ", plan.Errors));
        Console.WriteLine($"Periods {string.Join(", ", years)}: {plan.PeriodCodes.Count} period codes. Load: {File.ReadAllText("/proc/loadavg").Trim()}");

        // PHASES_CSV=path: the CSV of these periods written to a file, to compare two builds' output.
        if (Environment.GetEnvironmentVariable("PHASES_CSV") is { } path)
        {
            await using (var file = File.Create(path))
                await DataValueCsv.WriteAsync(file, exports.StreamBatchesAsync(plan), CancellationToken.None);
            return;
        }
        // Twice: the first round also pays for compiling (tiered JIT); quote the second.
        for (var round = 1; round <= 2; round++)
        {
            Console.WriteLine($"Round {round}:");
            await PhasesAsync(database, exports, plan);
        }
    }

    private static async Task PhasesAsync(NationalDatabase database, DataValueExportService exports, DataValueExportService.Plan plan)
    {
        await PhaseAsync("SQLite alone: the export's statement stepped, every column read, no string made", () => SqliteAloneAsync(database, plan.PeriodCodes));
        await PhaseAsync("service rows (StreamAsync), not written", async () =>
        {
            long rows = 0;
            await foreach (var _ in exports.StreamAsync(plan))
                rows++;
            return rows;
        });
        await PhaseAsync("CSV to a null stream", async () =>
        {
            var counter = new CountingStream();
            await DataValueCsv.WriteAsync(counter, exports.StreamBatchesAsync(plan), CancellationToken.None);
            return counter.Length;
        }, "bytes");
        await PhaseAsync(".xlsx to a null stream", async () =>
        {
            var counter = new CountingStream();
            await DataValueXlsxWriter.WriteAsync(counter, exports.StreamBatchesAsync(plan), CancellationToken.None);
            return counter.Length;
        }, "bytes");
    }

    private static async Task PhaseAsync(string name, Func<Task<long>> run, string unit = "rows")
    {
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var gcs = GC.CollectionCount(0);
        var allocated = GC.GetTotalAllocatedBytes();
        var started = Stopwatch.GetTimestamp();
        var count = await run();
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        process.Refresh();
        var used = (process.TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {count:N0} {unit} | wall {wall:N2} s | CPU {used:N2} s | allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:N0} MB, {GC.CollectionCount(0) - gcs} gen0 |"));
    }

    // The floor: what SQLite itself costs for the export's query (DataValueExportService.ValuesOf).
    private static async Task<long> SqliteAloneAsync(NationalDatabase database, IReadOnlyList<string> codes)
    {
        await using var db = database.Open();
        await db.Database.OpenConnectionAsync();
        if (db.Database.GetDbConnection() is not SqliteConnection connection)
            return 0;
        long rows = 0;
        double sum = 0;
        foreach (var code in codes)
        {
            using var statement = new SqliteStatement(connection, """
                SELECT "DataElementId", "OrgUnitId", "OptionCode", "Value", "StoredBy", "LastUpdatedUtc", "Comment" FROM "DataValues"
                WHERE "Period" = ?1 ORDER BY "OrgUnitId"
                """);
            statement.Add(code);
            while (statement.Step())
            {
                sum += statement.Int32(0) + statement.Int32(1) + statement.Utf8(2).Length + statement.Double(3) + statement.Int64(5) + statement.Utf8(4).Length + statement.Utf8(6).Length;
                rows++;
            }
        }
        return sum >= 0 ? rows : 0;
    }

    private sealed class CountingStream : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Position;
        public override long Position { get; set; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Position += count;
        public override void Write(ReadOnlySpan<byte> buffer) => Position += buffer.Length;
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Position += count;
            return Task.CompletedTask;
        }
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Position += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
