using ChildDashboard.Core.Persistence.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Core.Persistence;

// Brings the database to the current schema and catalogue at start-up, and adds demo data when asked.
public sealed class DatabaseInitializer(
    IDbContextFactory<AppDbContext> factory,
    ReferenceDataSeeder referenceData,
    DemoDataSeeder demoData,
    IOptions<SeedOptions> options,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // Migrate takes a lock and writes (and waits for the disk) even when nothing is pending: a
        // start on a current schema only reads which migrations the database has.
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);

        var catalogueRows = await referenceData.SeedAsync(db, ct);
        logger.LogInformation("Reference data checked: {Rows} rows written.", catalogueRows);

        if (options.Value.DemoData)
        {
            var values = await demoData.SeedAsync(db, ct);
            if (values > 0)
                logger.LogInformation("Demo data written: {Values} values up to {Quarter}.", values, demoData.LastCompleteQuarter());
        }
    }
}
