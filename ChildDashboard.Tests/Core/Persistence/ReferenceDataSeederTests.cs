using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Persistence.Seed;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Tests.Core.Persistence;

public abstract class ReferenceDataSeederTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task SeedsTheNationalCatalogue()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        await using var db = database.CreateDbContext();

        Assert.Equal(87, await db.OrgUnits.CountAsync());
        Assert.Equal(45, await db.DataElements.CountAsync());
        Assert.Equal(39, await db.Indicators.CountAsync());
        Assert.Equal(22, await db.Targets.CountAsync());
        Assert.Equal(16, await db.Programmes.CountAsync());
        Assert.Equal(16, await db.ValidationRules.CountAsync());
        Assert.Equal(3, await db.DisaggregationOptions.CountAsync());
    }

    [SkippableFact]
    public async Task ASecondRunChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        await using var db = database.CreateDbContext();

        var written = await new ReferenceDataSeeder(database.Time).SeedAsync(db);

        Assert.Equal(0, written);
        Assert.Equal(87, await db.OrgUnits.CountAsync());
    }

    [SkippableFact]
    public async Task ATargetChangedByAnAnalystSurvivesARestart()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        await using (var db = database.CreateDbContext())
        {
            (await db.Targets.OrderBy(t => t.Id).FirstAsync()).TargetValue = 540;
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateDbContext())
            Assert.Equal(0, await new ReferenceDataSeeder(database.Time).SeedAsync(db));

        await using (var db = database.CreateDbContext())
            Assert.Equal(540, (await db.Targets.OrderBy(t => t.Id).FirstAsync()).TargetValue);
    }

    [SkippableFact]
    public async Task ANewerCatalogueRestoresNamesAndTargetsWithoutTouchingValues()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        await using (var db = database.CreateDbContext())
        {
            var element = await db.DataElements.SingleAsync(e => e.Code == "HEART_SURGERY");
            var haNoi = await db.OrgUnits.SingleAsync(u => u.Code == "01");
            db.DataValues.Add(new DataValue
            {
                DataElementId = element.Id, OrgUnitId = haNoi.Id, Period = "2024Q1",
                OptionCode = "MALE", Value = 7,
            });
            element.NameVi = "tên cũ";
            (await db.Targets.FirstAsync()).TargetValue = -1;
            // As if the files seeded last time had been older versions.
            foreach (var file in await db.CatalogueFiles.ToListAsync())
                file.Sha256 = "older";
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateDbContext())
        {
            var written = await new ReferenceDataSeeder(database.Time).SeedAsync(db);
            Assert.Equal(2, written);
        }

        await using (var db = database.CreateDbContext())
        {
            Assert.Equal("Số trẻ em bị bệnh tim bẩm sinh được hỗ trợ phẫu thuật tim", (await db.DataElements.SingleAsync(e => e.Code == "HEART_SURGERY")).NameVi);
            Assert.DoesNotContain(await db.Targets.ToListAsync(), t => t.TargetValue < 0);
            Assert.Equal(7, (await db.DataValues.SingleAsync()).Value);
        }
    }

    [SkippableFact]
    public async Task MergedProvincesPointToTheirSuccessor()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        await using var db = database.CreateDbContext();

        var closed = await db.OrgUnits.Include(u => u.Successor).Where(u => u.ClosedDate != null).ToListAsync();

        Assert.Equal(52, closed.Count);
        Assert.All(closed, u =>
        {
            Assert.Equal(new DateOnly(2025, 6, 30), u.ClosedDate);
            Assert.Equal(new DateOnly(2025, 7, 1), u.Successor?.OpeningDate);
        });
        Assert.Equal("Lào Cai", closed.Single(u => u.NameVi == "Yên Bái").Successor?.NameVi);
    }

    [SkippableFact]
    public async Task NationalTargetsBelongToVietNam()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        await using var db = database.CreateDbContext();

        var cp03 = await db.Targets.Include(t => t.OrgUnit).Include(t => t.Indicator)
            .Where(t => t.Indicator != null && t.Indicator.Code == "CP03").OrderBy(t => t.TargetYear).ToListAsync();

        Assert.Equal([2025, 2030], cp03.Select(t => t.TargetYear));
        Assert.All(cp03, t => Assert.Equal("VN", t.OrgUnit?.Code));
        Assert.Equal(87, cp03[0].BaselineValue);
        Assert.Equal(2017, cp03[0].BaselineYear);
        Assert.True(cp03[0].HasBaseline);
    }
}

public sealed class ReferenceDataSeederOnSqliteTests() : ReferenceDataSeederTests(DatabaseProvider.Sqlite);

public sealed class ReferenceDataSeederOnPostgresTests() : ReferenceDataSeederTests(DatabaseProvider.PostgreSQL);
