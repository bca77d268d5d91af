using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Tests.Core.Persistence;

// The statements that run on a request path must find their rows through an index: a full scan
// of DataValues (millions of rows at national scale) would take seconds. The analytics read no
// SQL at all (the in-memory ValueStore), and the catalogue tables are small and read once.
public class QueryPlanTests : IAsyncLifetime
{
    private static readonly string[] LargeTables = ["DataValues", "DataValueAudits", "ReportForms", "ApiTokens", "AspNetUsers"];
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    // No ANALYZE: without statistics SQLite plans as for large tables, as at national scale.
    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    private async Task<string> PlanAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var db = Database.CreateDbContext();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            plan.Add(reader.GetString(3));
        return string.Join("\n", plan);
    }

    private static void AssertNoScanOfALargeTable(string plan)
    {
        foreach (var table in LargeTables)
            Assert.DoesNotMatch($@"SCAN {table}\b", plan);
        Assert.Contains("SEARCH", plan);
    }

    [Fact]
    public async Task ImportReadsExistingValuesOfAFewUnitsByIndex()
    {
        AssertNoScanOfALargeTable(await PlanAsync(SqliteDataValueWriter.ExistingValuesSql([1, 2, 3]), ("@period", "2025Q3")));
    }

    [Fact]
    public async Task ImportReadsAWholePeriodByIndex()
    {
        AssertNoScanOfALargeTable(await PlanAsync(SqliteDataValueWriter.ExistingValuesSql(null), ("@period", "2025Q3")));
    }

    [Fact]
    public async Task ImportFindsLockedFormsByIndex()
    {
        AssertNoScanOfALargeTable(await PlanAsync(SqliteDataValueWriter.ApprovedFormsSql(["@p0", "@p1"]), ("@p0", "2025Q3"), ("@p1", "2025Q4")));
    }

    [Fact]
    public async Task ExportReadsUnitsOverAPeriodByIndex()
    {
        await using var db = Database.CreateDbContext();
        var sql = DataValueExportService.ValuesOf(db, "2025Q3", [1, 2, 3], []).ToQueryString();
        var national = DataValueExportService.ValuesOf(db, "2025Q3", null, [4]).ToQueryString();

        AssertNoScanOfALargeTable(await PlanAsync(StripDeclarations(sql), Declarations(sql)));
        AssertNoScanOfALargeTable(await PlanAsync(StripDeclarations(national), Declarations(national)));
    }

    // A national export reads millions of rows: the index gives them in unit order without a sort
    // (the service orders the few rows of each unit itself).
    [Fact]
    public async Task ExportReadsAPeriodInUnitOrderWithoutASort()
    {
        await using var db = Database.CreateDbContext();
        var national = DataValueExportService.ValuesOf(db, "2025Q3", null, []).ToQueryString();

        var plan = await PlanAsync(StripDeclarations(national), Declarations(national));

        AssertNoScanOfALargeTable(plan);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenSignInFindsTheTokenByIndex()
    {
        await using var db = Database.CreateDbContext();
        var sql = ApiTokenService.ByHash(db, "ABC").ToQueryString();

        AssertNoScanOfALargeTable(await PlanAsync(StripDeclarations(sql), Declarations(sql)));
    }

    [Fact]
    public async Task BasicSignInFindsTheUserByIndex()
    {
        await using var db = Database.CreateDbContext();
        var sql = db.Users.Where(u => u.NormalizedUserName == "ADMIN").ToQueryString();

        AssertNoScanOfALargeTable(await PlanAsync(StripDeclarations(sql)));
    }

    // ToQueryString declares the parameters before the SQL: `.param set @name 'value'`.
    private static (string Name, object Value)[] Declarations(string sql) =>
        sql.Split('\n').Where(line => line.StartsWith(".param set ", StringComparison.Ordinal))
            .Select(line => line[".param set ".Length..].Split(' ', 2))
            .Select(parts => (parts[0], (object)parts[1].Trim().Trim('\'')))
            .ToArray();

    // ToQueryString puts parameter declarations (".param set ...") before the SQL.
    private static string StripDeclarations(string sql) =>
        string.Join("\n", sql.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal))).Trim();
}
