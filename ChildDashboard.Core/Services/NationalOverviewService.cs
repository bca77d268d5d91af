using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Persistence.Seed;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Services;

// The home page: every programme with its indicators and the national value of the last full year.
public sealed class NationalOverviewService(IDbContextFactory<AppDbContext> factory, TimeProvider time)
{
    public async Task<NationalOverview> GetAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var year = Period.ForYear(today.Year - 1);

        var units = new OrgUnitDirectory(await db.OrgUnits.AsNoTracking().ToListAsync(ct));
        var elements = await db.DataElements.AsNoTracking().ToDictionaryAsync(e => e.Code, ct);
        var programmes = await db.Programmes.AsNoTracking()
            .Include(p => p.Indicators)
            .OrderByDescending(p => p.Indicators.Count > 0).ThenByDescending(p => p.StartYear).ThenBy(p => p.Code)
            .ToListAsync(ct);
        var stored = await db.DataValues.AsNoTracking()
            .Where(v => v.PeriodStart >= year.Start && v.PeriodStart <= year.End)
            .Select(v => new StoredValue(v.DataElementId, v.OrgUnitId, v.Period, v.OptionCode, v.Value))
            .ToListAsync(ct);
        var isDemo = await db.DataValues.AnyAsync(v => v.StoredBy == DemoDataSeeder.DemoUser, ct);

        var calculator = new IndicatorCalculator(units, elements, new ValueTable(stored));
        var nation = units.FindCurrent(ReferenceDataSeeder.NationCode, today)
            ?? throw new InvalidOperationException("The national unit VN is missing: reference data was not seeded.");

        var overview = programmes.Select(p => new ProgrammeOverview(
            p.Code, p.NameVi, p.NameEn, p.Decision, p.StartYear, p.EndYear,
            p.Indicators.OrderBy(i => i.Code, StringComparer.Ordinal)
                .Select(i => new IndicatorOverview(
                    i.Code, i.NameVi, i.NameEn, i.UnitVi, i.UnitEn, i.Direction, i.Decimals,
                    calculator.Evaluate(i, nation, year).Value))
                .ToList()))
            .ToList();
        return new NationalOverview(year.Code, isDemo, overview);
    }
}
