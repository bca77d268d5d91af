using ChildDashboard.Core.Persistence;
namespace ChildDashboard.Tests.Core.Persistence;

public abstract class MigrationsTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task TheMigrationsMatchTheModel()
    {
        await using var database = await TestDatabase.CreateAsync(referenceData: false, provider: provider);
        await using var db = database.CreateDbContext();

        Assert.False(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.HasPendingModelChanges(db.Database));
    }
}

public sealed class MigrationsOnSqliteTests() : MigrationsTests(DatabaseProvider.Sqlite);

public sealed class MigrationsOnPostgresTests() : MigrationsTests(DatabaseProvider.PostgreSQL);
