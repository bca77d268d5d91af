using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Services;

// Stored values as they are stored (unit, period, option): what GET /api/v1/dataValueSets and the
// CSV export give, and what imports back unchanged.
public sealed class DataValueExportService(IDbContextFactory<AppDbContext> factory, CatalogueCache catalogues, TimeProvider time)
{
    public sealed record Query(IReadOnlyList<string> OrgUnits, IReadOnlyList<string> Periods, IReadOnlyList<string> DataElements, bool Children);

    // OutOfScope: every error is a unit outside the caller's scope.
    public sealed record Result(IReadOnlyList<ExportedValue> Values, IReadOnlyList<string> Errors, bool OutOfScope = false);

    public async Task<Result> ExportAsync(Query query, OrgUnit? scope, CancellationToken ct = default)
    {
        var catalogue = await catalogues.GetAsync();
        var today = VietnamClock.Today(time);
        var resolver = new QueryResolver(catalogue, today, scope);
        var units = resolver.Units(query.OrgUnits);
        var periods = resolver.Periods(query.Periods);
        var elementIds = resolver.DataElements(query.DataElements).Select(e => e.Id).ToList();
        if (!resolver.IsValid)
            return new Result([], resolver.Errors, resolver.IsOutOfScopeOnly);
        var unitIds = units.SelectMany(u => query.Children ? catalogue.Units.SubtreeOf(u.Unit) : [u.Unit]).Select(u => u.Id).ToHashSet();

        await using var db = await factory.CreateDbContextAsync(ct);
        var values = new List<ExportedValue>();
        foreach (var period in periods)
        {
            var found = await ValuesOf(db, period, unitIds, elementIds)
                .Select(v => new { v.DataElementId, v.OrgUnitId, v.Period, v.OptionCode, v.Value, v.StoredBy, v.LastUpdatedUtc, v.Comment })
                .ToListAsync(ct);
            values.AddRange(found.Select(v => new ExportedValue(
                catalogue.ElementsById[v.DataElementId].Code, v.Period, catalogue.Units[v.OrgUnitId].Code,
                v.OptionCode, v.Value, v.StoredBy, v.LastUpdatedUtc, v.Comment)));
        }
        return new Result(values
            .DistinctBy(v => (v.DataElement, v.Period, v.OrgUnit, v.CategoryOptionCombo))
            .OrderBy(v => v.Period, StringComparer.Ordinal).ThenBy(v => v.OrgUnit, StringComparer.Ordinal)
            .ThenBy(v => v.DataElement, StringComparer.Ordinal).ThenBy(v => v.CategoryOptionCombo, StringComparer.Ordinal)
            .ToList(), []);
    }

    // Every period code inside the period (its years, halves, quarters and months), so that the
    // (Period, OrgUnitId) index finds the rows.
    internal static IQueryable<DataValue> ValuesOf(AppDbContext db, Period period, HashSet<int> unitIds, List<int> elementIds)
    {
        var codes = Enum.GetValues<PeriodType>().Where(t => t <= period.Type).SelectMany(period.Split).Select(p => p.Code).ToList();
        var rows = db.DataValues.AsNoTracking().Where(v => codes.Contains(v.Period) && unitIds.Contains(v.OrgUnitId));
        return elementIds.Count > 0 ? rows.Where(v => elementIds.Contains(v.DataElementId)) : rows;
    }
}
