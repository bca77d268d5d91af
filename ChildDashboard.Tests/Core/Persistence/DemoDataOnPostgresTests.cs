using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Tests.Core.Persistence;

// The demo data set written through PostgreSQL's COPY is the one written through SQLite.
public class DemoDataOnPostgresTests
{
    [SkippableFact]
    public async Task PostgreSqlHoldsTheSameDemoDataAsSqlite()
    {
        await using var postgres = await TestDatabase.CreateAsync(demoData: true, provider: DatabaseProvider.PostgreSQL);
        await using var sqlite = await TestDatabase.CreateAsync(demoData: true);

        var expected = await SummaryAsync(sqlite);
        var actual = await SummaryAsync(postgres);

        Assert.Equal(expected, actual);
        Assert.True(expected.Values > 100_000);
    }

    private static async Task<(int Values, double Total, int Forms, int Approved)> SummaryAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return (await db.DataValues.CountAsync(), Math.Round(await db.DataValues.SumAsync(v => v.Value)),
            await db.ReportForms.CountAsync(), await db.ReportForms.CountAsync(f => f.ApprovedBy != null));
    }
}
