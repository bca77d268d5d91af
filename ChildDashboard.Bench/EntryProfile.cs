using System.Collections.Concurrent;
using System.Diagnostics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Persistence.Seed;
using ChildDashboard.Core.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChildDashboard.Bench;

// `-- --entry [seconds] [postgres connection string]`: saving one form cell end to end (database
// transaction with its audit row, the in-memory store, the change set) one at a time, then 50
// savers at once on a few shared cells, counting audit rows against saves: none lost.
public static class EntryProfile
{
    private const int Savers = 50;

    public static async Task RunAsync(string folder, int seconds, string? postgres)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "entry.db");
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
            File.Delete(file);
        var time = TimeProvider.System;
        var database = new NationalDatabase(path, time, postgres);
        var factory = new SingleFileFactory(database);
        await using (var db = database.Open())
        {
            if (postgres is not null)
                await db.Database.EnsureDeletedAsync();
            await db.Database.MigrateAsync();
            if (postgres is null)
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await new ReferenceDataSeeder(time).SeedAsync(db);
        }
        var catalogues = new CatalogueCache(factory);
        var catalogue = await catalogues.GetAsync();
        using var store = new ValueStore(new ValueTableLoader(factory), NullLogger<ValueStore>.Instance);
        await store.WarmUpAsync();
        var notifier = new DataChangeNotifier(NullLogger<DataChangeNotifier>.Instance);
        var published = 0;
        using var subscription = notifier.Subscribe(_ =>
        {
            Interlocked.Increment(ref published);
            return Task.CompletedTask;
        });
        var forms = new FormService(factory, catalogues, store, notifier, time);
        var quarter = forms.LatestDueQuarter();
        var access = new UserAccess("bench", [Roles.DataEntry], catalogue.Units.Root!, catalogue.Units);
        var provinces = catalogue.Units.OpenOn(quarter.Start, 2).Take(5).ToList();
        var elements = catalogue.Elements.Where(e => e.PeriodType == PeriodType.Quarterly && !e.IsDisaggregated).Take(4).ToList();
        var cells = provinces.SelectMany(p => elements.Select(e => (Unit: p, Element: e))).ToList();
        Console.WriteLine($"Entry on {database.Provider}: one saver, then {Savers} savers for {seconds} s on {cells.Count} shared cells ({quarter.Code}).");

        // One at a time: each save against the token the previous one returned.
        var samples = new List<double>();
        var tokens = new Dictionary<(int, int), ValueToken?>();
        for (var i = 0; i < 2200; i++)
        {
            var (unit, element) = cells[i % cells.Count];
            var started = Stopwatch.GetTimestamp();
            var result = await forms.SaveAsync(access, new ValueSave(unit.Id, quarter.Code, element.Id, DisaggregationOption.DefaultCode,
                tokens.GetValueOrDefault((unit.Id, element.Id)), i, null));
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (result.Outcome != SaveOutcome.Saved)
                throw new InvalidOperationException($"A lone save was {result.Outcome}: {result.Message}");
            tokens[(unit.Id, element.Id)] = result.Current.Token;
            if (i >= 200)
                samples.Add(ms);
        }
        samples.Sort();
        Console.WriteLine($"  one saver: p50 {P(samples, 0.50):F2} ms, p99 {P(samples, 0.99):F2} ms, max {samples[^1]:F2} ms ({samples.Count} saves)");

        var auditsBefore = await AuditRowsAsync(database);
        var saved = 0;
        var conflicts = 0;
        var errors = new ConcurrentQueue<string>();
        var latencies = new ConcurrentBag<double>();
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, Savers).Select(saver => Task.Run(async () =>
        {
            var random = new Random(saver);
            var known = new Dictionary<(int, int), ValueToken?>();
            while (Stopwatch.GetTimestamp() < until)
            {
                var (unit, element) = cells[random.Next(cells.Count)];
                try
                {
                    var started = Stopwatch.GetTimestamp();
                    var result = await forms.SaveAsync(access, new ValueSave(unit.Id, quarter.Code, element.Id, DisaggregationOption.DefaultCode,
                        known.GetValueOrDefault((unit.Id, element.Id), tokens.GetValueOrDefault((unit.Id, element.Id))), random.Next(0, 1_000_000), null));
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    switch (result.Outcome)
                    {
                        case SaveOutcome.Saved:
                            Interlocked.Increment(ref saved);
                            break;
                        case SaveOutcome.Conflict or SaveOutcome.Unchanged:
                            Interlocked.Increment(ref conflicts);
                            break;
                        default:
                            errors.Enqueue($"{result.Outcome}: {result.Message}");
                            break;
                    }
                    known[(unit.Id, element.Id)] = result.Current.Token;
                }
                catch (Exception e)
                {
                    errors.Enqueue(e.GetType().Name + ": " + e.Message);
                }
            }
        })));
        var audits = await AuditRowsAsync(database) - auditsBefore;
        var sorted = latencies.Order().ToList();
        Console.WriteLine($"  {Savers} savers: {saved:N0} saves ({saved / (double)seconds:N0}/s), {conflicts:N0} refused as conflicts (re-read and retried), " +
            $"{errors.Count} errors; audit rows {audits:N0} = saves {saved:N0}: {(audits == saved ? "no lost update" : "MISMATCH")}; " +
            $"p50 {P(sorted, 0.50):F2} ms, p99 {P(sorted, 0.99):F2} ms per save under load");
        await Task.Delay(200);
        Console.WriteLine($"  change sets published: {published:N0} (one per save: {published == saved + samples.Count + 200})");
        foreach (var error in errors.Take(5))
            Console.WriteLine("  error: " + error);
    }

    private static async Task<long> AuditRowsAsync(NationalDatabase database)
    {
        await using var db = database.Open();
        return await db.DataValueAudits.LongCountAsync();
    }

    private static double P(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
