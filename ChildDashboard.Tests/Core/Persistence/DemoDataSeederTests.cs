using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Persistence.Seed;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Tests.Core.Persistence;

public class DemoDataSeederTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    [Fact]
    public async Task CoversEveryQuarterFrom2016ToTheLastCompleteQuarter()
    {
        await using var db = fixture.Database.CreateDbContext();

        var periods = await db.DataValues.Where(v => v.Period.Contains("Q")).Select(v => v.Period).Distinct().ToListAsync();

        Assert.Equal(43, periods.Count);
        Assert.Contains("2016Q1", periods);
        Assert.Contains("2026Q3", periods);
        Assert.DoesNotContain("2026Q4", periods);
    }

    [Fact]
    public async Task StoresValuesOnTheUnitOpenAtThePeriodStart()
    {
        await using var db = fixture.Database.CreateDbContext();

        var stored = await db.DataValues.Select(v => new { v.Period, v.OrgUnit!.OpeningDate, v.OrgUnit.ClosedDate }).Distinct().ToListAsync();
        var badRows = stored.Count(v => Period.Parse(v.Period).Start < v.OpeningDate || Period.Parse(v.Period).Start > v.ClosedDate);
        var unitsIn2025Q2 = await db.DataValues.Where(v => v.Period == "2025Q2").Select(v => v.OrgUnitId).Distinct().CountAsync();
        var unitsIn2025Q3 = await db.DataValues.Where(v => v.Period == "2025Q3").Select(v => v.OrgUnitId).Distinct().CountAsync();
        var unitsFor2025 = await db.DataValues.Where(v => v.Period == "2025").Select(v => v.OrgUnitId).Distinct().CountAsync();

        Assert.Equal(0, badRows);
        Assert.InRange(unitsIn2025Q2, 60, 63);
        Assert.InRange(unitsIn2025Q3, 31, 34);
        Assert.Equal(63, unitsFor2025);
    }

    [Fact]
    public async Task ChildPopulationIsAboutTwentyFiveMillion()
    {
        await using var db = fixture.Database.CreateDbContext();

        var total2020 = await db.DataValues.Where(v => v.DataElement!.Code == "POP_U16" && v.Period == "2020").SumAsync(v => v.Value);
        var total2026 = await db.DataValues.Where(v => v.DataElement!.Code == "POP_U16" && v.Period == "2026").SumAsync(v => v.Value);

        Assert.InRange(total2020, 23_000_000, 27_000_000);
        // The new provinces' figures are the sums of their predecessors', so the total carries on.
        Assert.InRange(total2026 / total2020, 1.0, 1.05);
    }

    [Fact]
    public async Task HonoursEveryValidationRuleOfSeverityError()
    {
        await using var db = fixture.Database.CreateDbContext();
        var elements = await db.DataElements.ToDictionaryAsync(e => e.Id, e => e.Code);
        var totals = (await db.DataValues
                .GroupBy(v => new { v.DataElementId, v.OrgUnitId, v.Period })
                .Select(g => new { g.Key.DataElementId, g.Key.OrgUnitId, g.Key.Period, Value = g.Sum(v => v.Value) })
                .ToListAsync())
            .ToDictionary(t => (elements[t.DataElementId], t.OrgUnitId, t.Period), t => t.Value);
        var rules = await db.ValidationRules.Where(r => r.Severity == ValidationSeverity.Error).ToListAsync();

        var broken = new List<string>();
        foreach (var rule in rules)
        {
            foreach (var ((code, unit, period), left) in totals.Where(t => t.Key.Item1 == rule.Left))
            {
                var right = rule.Right.Split('+').Sum(c => totals.GetValueOrDefault((c, unit, period)));
                if (left > right)
                    broken.Add($"{rule.Code} {unit} {period}: {left} > {right}");
            }
        }

        Assert.Empty(broken);
    }

    [Fact]
    public async Task LeavesAFewReportsMissingAndTheLastQuarterPartlyApproved()
    {
        await using var db = fixture.Database.CreateDbContext();

        var lastQuarter = await db.ReportForms.Where(f => f.Period == "2026Q3").ToListAsync();
        var olderApproved = await db.ReportForms.Where(f => f.Period == "2024Q1").AllAsync(f => f.Status == FormStatus.Approved);
        var formsIn2016 = await db.ReportForms.CountAsync(f => f.Period.StartsWith("2016"));

        Assert.InRange(lastQuarter.Count, 20, 33);
        Assert.Contains(lastQuarter, f => f.Status == FormStatus.Approved);
        Assert.Contains(lastQuarter, f => f.Status == FormStatus.Submitted);
        Assert.Contains(lastQuarter, f => f.Status == FormStatus.Draft);
        Assert.True(olderApproved);
        Assert.InRange(formsIn2016, 4 * 63 - 12, 4 * 63 - 1);
    }

    [Fact]
    public async Task RunsOnlyOnAnEmptyDatabase()
    {
        await using var db = fixture.Database.CreateDbContext();
        var before = await db.DataValues.CountAsync();

        var written = await new DemoDataSeeder(fixture.Database.Time).SeedAsync(db);

        Assert.Equal(0, written);
        Assert.Equal(before, await db.DataValues.CountAsync());
    }
}
