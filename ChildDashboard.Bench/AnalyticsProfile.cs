using System.Diagnostics;
using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Bench;

// `--profile PATH`: the analytics alone, in this process, on an existing national database: for
// working on the arithmetic's speed without HTTP, sign-in or a rebuild in the way.
public static class AnalyticsProfile
{
    public static async Task RunAsync(NationalDatabase database, IReadOnlyList<AnalyticsQuery> queries)
    {
        var factory = new PooledDbContextFactory<AppDbContext>(
            new DbContextOptionsBuilder<AppDbContext>().UseSqlite(database.ConnectionString).AddInterceptors(new SqliteTuning()).Options);
        using var store = new ValueStore(new ValueTableLoader(factory), NullLogger<ValueStore>.Instance);
        var started = Stopwatch.GetTimestamp();
        await store.WarmUpAsync();
        Console.WriteLine($"loaded in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:N0} ms, {GC.GetTotalMemory(true) / 1e6:N0} MB managed");
        var analytics = new AnalyticsService(new CatalogueCache(factory), store, TimeProvider.System, Options.Create(new StatusOptions()));
        foreach (var query in queries)
        {
            var timing = await Timings.MeasureAsync(100, 50, () => analytics.QueryAsync(query));
            Console.WriteLine($"{query.OrgUnits.Count} units × {query.Periods.Count} periods: p50 {timing.P50:N2} ms, p95 {timing.P95:N2} ms, min {timing.Min:N2} ms");
        }
    }
}
