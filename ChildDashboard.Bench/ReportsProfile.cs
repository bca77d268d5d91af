using System.Diagnostics;
using System.Globalization;
using ChildDashboard.Core;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Persistence.Seed;
using ChildDashboard.Core.Services;
using ChildDashboard.Core.Services.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Bench;

// `-- --reports [db]`: the analyst summary workbook and the reports to the ministry, in this
// process, on the national benchmark database when its path is given (else on the demo data set):
// time per workbook (median of the runs after a warm-up) and the memory it takes, as bytes
// allocated and as the process's peak working set.
public static class ReportsProfile
{
    private const int Runs = 5;

    public static async Task RunAsync(string directory, string? nationalDb)
    {
        var time = TimeProvider.System;
        IDbContextFactory<AppDbContext> factory;
        if (nationalDb is not null && File.Exists(nationalDb))
        {
            factory = new SingleFileFactory(new NationalDatabase(nationalDb, time));
            Console.WriteLine($"National database: {nationalDb}");
        }
        else
        {
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, "reports.db");
            File.Delete(path);
            factory = new PooledDbContextFactory<AppDbContext>(
                new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path}").AddInterceptors(new SqliteTuning()).Options);
            await using var db = await factory.CreateDbContextAsync();
            await db.Database.MigrateAsync();
            await new ReferenceDataSeeder(time).SeedAsync(db);
            Console.WriteLine($"Demo data: {await new DemoDataSeeder(time).SeedAsync(db):N0} values.");
        }

        var services = new ServiceCollection();
        services.AddChildDashboardServices(new ConfigurationBuilder().Build());
        services.AddSingleton(factory);
        services.AddSingleton(time);
        services.AddLogging();
        await using var provider = services.BuildServiceProvider();
        var catalogue = await provider.GetRequiredService<CatalogueCache>().GetAsync();
        var nation = new UserAccess("bench", [Roles.Leader], catalogue.Units.Root!, catalogue.Units);
        var hanoi = new UserAccess("bench", [Roles.DataEntry], catalogue.Units.FindCurrent("01", VietnamClock.Today(time))!, catalogue.Units);
        var summaries = provider.GetRequiredService<SummaryWorkbookService>();
        var reports = provider.GetRequiredService<MinistryReportService>();
        var lastYear = (VietnamClock.Today(time).Year - 1).ToString(CultureInfo.InvariantCulture);
        CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");

        (string Name, Func<Task<ReportFile>> Make)[] cases =
        [
            ($"summary workbook, VN {lastYear} (with the 34-province ranking)", () => summaries.CreateAsync(nation, "VN", lastYear)),
            ($"summary workbook, 01 {lastYear}", () => summaries.CreateAsync(hanoi, "01", lastYear)),
            ($"ministry report, national roll-up {lastYear}", () => reports.CreateAsync(nation, "VN", lastYear)),
            ($"ministry report, 01 {lastYear}S1", () => reports.CreateAsync(hanoi, "01", lastYear + "S1")),
        ];
        Console.WriteLine("| workbook | size | median time | allocated per workbook | process peak working set |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (name, make) in cases)
        {
            var file = await make();
            if (file.Content is null)
                throw new InvalidOperationException(file.Error);
            var times = new List<double>();
            long allocated = 0;
            for (var i = 0; i < Runs; i++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var started = Stopwatch.GetTimestamp();
                await make();
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                allocated += GC.GetTotalAllocatedBytes(precise: true) - before;
            }
            times.Sort();
            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"| {name} | {file.Content.Length / 1024.0:N0} KB | {times[Runs / 2]:N0} ms | {allocated / Runs / 1e6:N0} MB | {process.PeakWorkingSet64 / 1e6:N0} MB |");
        }
    }
}
