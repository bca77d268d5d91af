using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Persistence.Seed;
using ChildDashboard.Core.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Bench;

// `--fanout`: does a write wait for the open pages? In this process, on the demo data set, N
// subscribers each do what an open home page does on a change that touches it (reload the
// national overview); one-value imports are timed with N = 0, 100 and 1,000, together with the
// time until every subscriber has its new figures.
public static class FanoutProfile
{
    public static async Task RunAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "fanout.db");
        File.Delete(path);
        var time = TimeProvider.System;
        var factory = new PooledDbContextFactory<AppDbContext>(
            new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path}").AddInterceptors(new SqliteTuning()).Options);
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            await new ReferenceDataSeeder(time).SeedAsync(db);
            Console.WriteLine($"Demo data: {await new DemoDataSeeder(time).SeedAsync(db):N0} values.");
        }

        var catalogues = new CatalogueCache(factory);
        using var store = new ValueStore(new ValueTableLoader(factory), NullLogger<ValueStore>.Instance);
        var analytics = new AnalyticsService(catalogues, store, time, Options.Create(new ChildDashboard.Core.Analytics.StatusOptions()));
        var overviews = new NationalOverviewService(catalogues, analytics, time);
        var notifier = new DataChangeNotifier(NullLogger<DataChangeNotifier>.Instance);
        var imports = new DataValueImportService(
            new SqliteDataValueWriter(factory), catalogues, store, notifier, time, NullLogger<DataValueImportService>.Instance);
        var year = (await overviews.GetAsync()).Period;
        // The home page shows last year, whose forms the demo data approved (and so locked).
        await using (var db = await factory.CreateDbContextAsync())
            await db.Database.ExecuteSqlAsync($"UPDATE \"ReportForms\" SET \"Status\" = 'Draft' WHERE \"Period\" = {year + "Q4"}");

        Console.WriteLine("| open pages | import answer p50 | p95 | all pages updated p50 | p95 |");
        Console.WriteLine("|---|---|---|---|---|");
        var value = 1000;
        foreach (var pages in new[] { 0, 100, 1000 })
        {
            var updated = new ConcurrentBag<long>();
            var subscriptions = new List<IDisposable>();
            for (var i = 0; i < pages; i++)
            {
                var overview = await overviews.GetAsync();
                subscriptions.Add(notifier.Subscribe(async changes =>
                {
                    if (!overview.IsTouchedBy(changes))
                        return;
                    overview = await overviews.GetAsync();
                    updated.Add(Stopwatch.GetTimestamp());
                }));
            }

            var answers = new List<double>();
            var fanouts = new List<double>();
            for (var run = 0; run < 25; run++)
            {
                updated.Clear();
                var rows = new List<DataValueRow> { new(2, "HEART_SURGERY", $"{year}Q4", "01", "MALE", (value++).ToString(CultureInfo.InvariantCulture)) };
                var started = Stopwatch.GetTimestamp();
                var report = await imports.ImportAsync(rows, new ImportContext("bench", null, DryRun: false));
                answers.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (report.Status != ImportReport.Success)
                    throw new InvalidOperationException("The import failed.");
                while (updated.Count < pages)
                    await Task.Delay(1);
                if (pages > 0)
                    fanouts.Add(Stopwatch.GetElapsedTime(started, updated.Max()).TotalMilliseconds);
            }
            subscriptions.ForEach(s => s.Dispose());
            // The first runs warm the JIT and the caches.
            answers = answers.Skip(5).Order().ToList();
            fanouts = fanouts.Skip(5).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {pages:N0} | {P(answers, 0.5):F1} ms | {P(answers, 0.95):F1} ms | {(pages == 0 ? "—" : $"{P(fanouts, 0.5):F0} ms")} | {(pages == 0 ? "—" : $"{P(fanouts, 0.95):F0} ms")} |"));
        }
    }

    private static double P(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
