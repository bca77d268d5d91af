using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Persistence.Seed;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Bench.Circuits;

// A fresh SQLite database with the reference and demo data, whose last complete quarter's forms are
// open again: the overview (this year to date) shows that quarter, and a write to an approved
// (locked) form would be refused.
public static class OverviewDatabase
{
    public static async Task<string> CreateAsync(string directory, TimeProvider time)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "circuits.db");
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path};Pooling=false").Options;
        await using var db = new AppDbContext(options);
        await db.Database.MigrateAsync();
        await new ReferenceDataSeeder(time).SeedAsync(db);
        var values = await new DemoDataSeeder(time).SeedAsync(db);
        var quarter = WriteQuarter(time);
        await db.Database.ExecuteSqlAsync($"UPDATE \"ReportForms\" SET \"Status\" = 'Draft' WHERE \"Period\" = {quarter}");
        Console.WriteLine($"Demo data: {values:N0} values; {quarter} forms open for the writes.");
        return $"Data Source={path}";
    }

    public static string WriteQuarter(TimeProvider time) => new DemoDataSeeder(time).LastCompleteQuarter().Code;
}
