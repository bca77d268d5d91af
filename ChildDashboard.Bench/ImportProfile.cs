using System.Diagnostics;
using System.Globalization;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace ChildDashboard.Bench;

// `--import-profile PATH`: the import service alone, in this process, on an existing national
// database (its 2026Q4 values and the audit trail are removed first), logging each phase.
public static class ImportProfile
{
    public static async Task RunAsync(NationalDatabase database, IReadOnlyList<DataValueRow> rows)
    {
        await using (var db = database.Open())
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"DataValues\" WHERE \"Period\" = '2026Q4'");
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"DataValueAudits\"");
        }
        var factory = new PooledDbContextFactory<AppDbContext>(
            new DbContextOptionsBuilder<AppDbContext>().UseSqlite(database.ConnectionString).AddInterceptors(new SqliteTuning()).Options);
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole());
        using var store = new ValueStore(new ValueTableLoader(factory), loggers.CreateLogger<ValueStore>());
        var service = new DataValueImportService(new SqliteDataValueWriter(factory), new CatalogueCache(factory), store,
            new DataChangeNotifier(loggers.CreateLogger<DataChangeNotifier>()), TimeProvider.System,
            loggers.CreateLogger<DataValueImportService>());
        var started = Stopwatch.GetTimestamp();
        var report = await service.ImportAsync(rows, new ImportContext("bench", null, DryRun: false));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Status}: {report.ImportCount.Imported:N0} imported in {seconds:N2} s = {report.ImportCount.Imported / seconds:N0} values/s"));
    }
}
