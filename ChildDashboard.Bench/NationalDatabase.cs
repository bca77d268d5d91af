using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Persistence.Seed;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChildDashboard.Bench;

// A national-scale database: the 87 reference units plus 3,321 communes under the 34 provinces
// (from 2025-07-01) and as many before the merger under the 63 old ones, every data element,
// quarterly from 2016Q1 to 2026Q3, stored on the communes: about 6 million values.
// On PostgreSQL (`postgres` set: a connection string naming the database) it is dropped and built
// again on that server.
public sealed class NationalDatabase(string path, TimeProvider time, string? postgres = null)
{
    public const int Communes = 3321;
    public static readonly Period FirstQuarter = Period.ForQuarter(2016, 1);
    public static readonly Period LastQuarter = Period.ForQuarter(2026, 3);
    private static readonly DateOnly MergerDate = new(2025, 7, 1);

    public DatabaseProvider Provider => postgres is null ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSQL;

    public string ConnectionString => postgres ?? $"Data Source={path}";

    // The same connection settings as the server, so that the plain-insert reference is fair.
    public AppDbContext Open() => postgres is null
        ? new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(ConnectionString).AddInterceptors(new SqliteTuning()).Options)
        : new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(postgres).Options);

    // The values a database built by an earlier run holds, or null when there is none to reuse.
    public async Task<long?> ExistingValuesAsync(CancellationToken ct)
    {
        if (postgres is null && !File.Exists(path))
            return null;
        try
        {
            await using var db = Open();
            return await db.DataValues.LongCountAsync(ct) is > 0 and var count ? count : null;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return null;
        }
    }

    // withValues false: the units only (reference data and communes), for the in-process profiles.
    public async Task<long> BuildAsync(CancellationToken ct, bool withValues = true)
    {
        if (postgres is null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                File.Delete(file);
        }
        else
        {
            await RecreatePostgresAsync(postgres, ct);
        }

        await using var db = Open();
        await db.Database.MigrateAsync(ct);
        if (postgres is null)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await new ReferenceDataSeeder(time).SeedAsync(db, ct);
        await AddCommunesAsync(db, ct);
        if (!withValues)
            return 0;

        var units = new OrgUnitDirectory(await db.OrgUnits.AsNoTracking().ToListAsync(ct));
        var elements = await db.DataElements.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
        var options = await db.DisaggregationOptions.AsNoTracking().ToListAsync(ct);

        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var written = await BulkValueWriter.InsertAsync(connection, Values(units, elements, options), "bench", ct);
        await transaction.CommitAsync(ct);
        if (postgres is not null)
            await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        return written;
    }

    private static async Task RecreatePostgresAsync(string connectionString, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? throw new InvalidOperationException("Name the database in the PostgreSQL connection string.");
        await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ToString());
        await server.OpenAsync(ct);
        // An autovacuum worker the server started on the old database holds it for a while, and only
        // a superuser may end it: try again until it has finished.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", server);
                await drop.ExecuteNonQueryAsync(ct);
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 120)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
        await create.ExecuteNonQueryAsync(ct);
        NpgsqlConnection.ClearAllPools();
    }

    // New communes nnnCCC under each of the 34 provinces; each had one predecessor of the same code
    // under one of the province's predecessors (or under itself when it was not merged).
    private static async Task AddCommunesAsync(AppDbContext db, CancellationToken ct)
    {
        var units = new OrgUnitDirectory(await db.OrgUnits.AsNoTracking().ToListAsync(ct));
        var provinces = units.OpenOn(MergerDate, 2).ToList();
        var oldCommunes = new List<(OrgUnit Old, OrgUnit New)>();
        for (var i = 0; i < Communes; i++)
        {
            var province = provinces[i % provinces.Count];
            var predecessors = units.PredecessorsOf(province).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
            var oldProvince = predecessors.Count > 0 ? predecessors[i / provinces.Count % predecessors.Count] : province;
            var code = $"{province.Code}{i / provinces.Count:D3}";
            var fresh = new OrgUnit { Code = code, NameVi = $"Xã {code}", NameEn = $"Commune {code}", Level = 3, ParentId = province.Id, OpeningDate = MergerDate };
            var old = new OrgUnit
            {
                Code = code, NameVi = $"Xã {code} (cũ)", NameEn = $"Commune {code} (old)", Level = 3, ParentId = oldProvince.Id,
                OpeningDate = new DateOnly(2004, 1, 1), ClosedDate = MergerDate.AddDays(-1), Successor = fresh,
            };
            oldCommunes.Add((old, fresh));
        }
        db.OrgUnits.AddRange(oldCommunes.SelectMany(c => new[] { c.New, c.Old }));
        await db.SaveChangesAsync(ct);
    }

    private static IEnumerable<BulkValueWriter.NewValue> Values(OrgUnitDirectory units, List<DataElement> elements, List<DisaggregationOption> options)
    {
        var optionsOf = elements.ToDictionary(e => e.Id, e => options.Where(o => o.Disaggregation == e.Disaggregation).Select(o => o.OptionCode)
            .Where(o => !e.IsDisaggregated || o != DisaggregationOption.DefaultCode).ToArray());
        var periods = new List<Period>();
        for (var q = FirstQuarter; q.CompareTo(LastQuarter) <= 0; q = q.Next())
            periods.Add(q);
        for (var year = FirstQuarter.Year; year <= LastQuarter.Year; year++)
            periods.Add(Period.ForYear(year));

        foreach (var period in periods)
        {
            var communes = units.OpenOn(period.Start, 3).ToList();
            var reported = period.End.AddDays(10).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
            foreach (var element in elements.Where(e => e.PeriodType == period.Type))
            {
                foreach (var commune in communes)
                {
                    foreach (var option in optionsOf[element.Id])
                        yield return new(element.Id, commune.Id, period, option, SyntheticValue(element, commune, period), reported);
                }
            }
        }
    }

    // Counts of the size a commune of ~7,500 children reports, in a shape the validation rules accept.
    public static double SyntheticValue(DataElement element, OrgUnit commune, Period period)
    {
        var spread = (commune.Id * 7 + element.Id * 13 + period.Year * 3 + period.Index) % 10;
        return element.Code switch
        {
            "POP_U16" => 3600 + spread * 20,
            "POP_U5" or "POP_7_15" => 1500 + spread * 10,
            "COMMUNES" => 1,
            "BUDGET_ALLOC" => 300_000_000,
            "BUDGET_SPENT" => 250_000_000,
            "BUDGET_PRIORITY" => 100_000_000,
            "INJ_DEATHS" => 2 + spread / 5,
            "CSC_TOTAL" or "HIV_MANAGED" or "INJ_CASES" or "INSPECTIONS" or "SERVICE_PROVIDERS" or "CL_IDENTIFIED" or "ABUSE_CHILDREN" or "DISASTER_CHILDREN" or "BIRTH_REG_U5" => 20 + spread,
            _ => spread / 5,
        };
    }
}
