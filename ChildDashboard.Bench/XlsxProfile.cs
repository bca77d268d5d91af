using System.Diagnostics;
using System.Globalization;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Exchange.Xlsx;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChildDashboard.Bench;

// `-- --xlsx`: in this process, on a database of the units alone (reference data and communes, no
// values): the entry template of a province for a quarter, made again and again; then a 100,000-row
// DataValues workbook read, checked (the import page's preview) and imported, each step timed, with
// the process's peak working set and the managed heap's peak sampled while it runs.
public static class XlsxProfile
{
    private const int TemplateRuns = 20;

    public static async Task RunAsync(NationalDatabase database, IReadOnlyList<ExportedValue> rows)
    {
        var factory = new PooledDbContextFactory<AppDbContext>(
            new DbContextOptionsBuilder<AppDbContext>().UseSqlite(database.ConnectionString).AddInterceptors(new SqliteTuning()).Options);
        var catalogues = new CatalogueCache(factory);
        var catalogue = await catalogues.GetAsync();
        using var store = new ValueStore(new ValueTableLoader(factory), NullLogger<ValueStore>.Instance);
        var service = new DataValueImportService(new SqliteDataValueWriter(factory), catalogues, store,
            new DataChangeNotifier(NullLogger<DataChangeNotifier>.Instance), TimeProvider.System, NullLogger<DataValueImportService>.Instance);

        var admin = new UserAccess("bench", [Roles.Admin], catalogue.Units.Root ?? throw new InvalidOperationException("No root unit."), catalogue.Units);
        var templates = new EntryTemplateService(factory, catalogues);
        var times = new List<double>();
        var size = 0;
        for (var run = 0; run < TemplateRuns + 3; run++)
        {
            var started = Stopwatch.GetTimestamp();
            var template = await templates.CreateAsync(admin, "01", "2026Q4");
            if (run >= 3)
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            size = template.Workbook?.Length ?? throw new InvalidOperationException(template.Error);
        }

        using var file = new MemoryStream();
        await DataValueXlsxWriter.WriteAsync(file, ToAsync(rows), CancellationToken.None);
        var bytes = file.ToArray();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = (Process: process.WorkingSet64, Heap: GC.GetTotalMemory(false));
        var peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = (Math.Max(peak.Process, process.WorkingSet64), Math.Max(peak.Heap, GC.GetTotalMemory(false)));
                await Task.Delay(20);
            }
        });
        var clock = Stopwatch.GetTimestamp();
        var readCpu = process.TotalProcessorTime;
        var read = DataValueXlsx.Read(new MemoryStream(bytes), XlsxLimits.From(new ImportOptions()));
        var readSeconds = Lap(ref clock);
        process.Refresh();
        readCpu = process.TotalProcessorTime - readCpu;
        var preview = await service.ImportAsync(read.Rows, new ImportContext("bench", null, DryRun: true));
        var previewSeconds = Lap(ref clock);
        var commit = await service.ImportAsync(read.Rows, new ImportContext("bench", null, DryRun: false) { Previewed = preview.Changes });
        var commitSeconds = Lap(ref clock);
        await stop.CancelAsync();
        await sampler;
        if (read.Conflicts.Total > 0 || !commit.Succeeded || commit.ImportCount != preview.ImportCount)
            throw new InvalidOperationException($"The workbook did not import cleanly: {read.Conflicts.FirstOrDefault()?.Message ?? commit.Conflicts.FirstOrDefault()?.Message}");

        // Where reading goes: the package and its shared parts, the sheet's XML, then the table's checks.
        // Wall and CPU time (this process); three rounds, the first also pays for compiling.
        using (var self = Process.GetCurrentProcess())
        {
            for (var round = 1; round <= 3; round++)
            {
                var phase = Stopwatch.GetTimestamp();
                var cpu = self.TotalProcessorTime;
                using var opened = XlsxWorkbook.Open(new MemoryStream(bytes), XlsxLimits.From(new ImportOptions()));
                var sheet = opened.ReadSheet(DataValueXlsx.SheetName);
                var sheetSeconds = Lap(ref phase);
                self.Refresh();
                var sheetCpu = (self.TotalProcessorTime - cpu).TotalSeconds;
                cpu = self.TotalProcessorTime;
                var whole = DataValueXlsx.Read(new MemoryStream(bytes), XlsxLimits.From(new ImportOptions()));
                var wholeSeconds = Lap(ref phase);
                self.Refresh();
                var wholeCpu = (self.TotalProcessorTime - cpu).TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  read, round {round}: package and sheet XML ({sheet.Rows.Count:N0} rows) {sheetSeconds:N2} s (CPU {sheetCpu:N2} s); whole read with the table's checks {wholeSeconds:N2} s (CPU {wholeCpu:N2} s, {whole.Rows.Count:N0} rows)"));
            }
        }

        static string Mb(long value) => (value / 1e6).ToString("N0", CultureInfo.InvariantCulture);
        Console.WriteLine();
        Console.WriteLine("| measure | result |");
        Console.WriteLine("|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| entry template, Hà Nội 2026Q4 ({size / 1024:N0} KB) | median {Median(times):N0} ms of {TemplateRuns} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| .xlsx import, {read.Rows.Count:N0} rows ({bytes.Length / 1e6:N1} MB): read | {readSeconds:N2} s (CPU {readCpu.TotalSeconds:N2} s) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| … preview (dry run, {preview.Changes.Count:N0} changes listed) | {previewSeconds:N2} s |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| … commit ({commit.ImportCount.Imported:N0} imported) | {commitSeconds:N2} s |"));
        Console.WriteLine($"| … peak memory | working set {Mb(baseline.Process)} → {Mb(peak.Process)} MB, managed heap {Mb(baseline.Heap)} → {Mb(peak.Heap)} MB |");
    }

    private static double Lap(ref long clock)
    {
        var seconds = Stopwatch.GetElapsedTime(clock).TotalSeconds;
        clock = Stopwatch.GetTimestamp();
        return seconds;
    }

    private static double Median(List<double> samples) => samples.Order().ElementAt(samples.Count / 2);

    private static async IAsyncEnumerable<ExportedValue[]> ToAsync(IEnumerable<ExportedValue> rows)
    {
        foreach (var batch in rows.Chunk(2048))
            yield return batch;
        await Task.CompletedTask;
    }
}
