namespace ChildDashboard.Tests.Core.Persistence;

public class MigrationsTests
{
    [Fact]
    public async Task TheMigrationsMatchTheModel()
    {
        await using var database = await TestDatabase.CreateAsync(referenceData: false);
        await using var db = database.CreateDbContext();

        Assert.False(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.HasPendingModelChanges(db.Database));
    }
}
