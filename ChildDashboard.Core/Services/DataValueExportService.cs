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

    public sealed record Result(IReadOnlyList<ExportedValue> Values, IReadOnlyList<string> Errors);

    public async Task<Result> ExportAsync(Query query, OrgUnit? scope, CancellationToken ct = default)
    {
        var catalogue = await catalogues.GetAsync();
        var today = VietnamClock.Today(time);
        var errors = new List<string>();
        if (query.OrgUnits.Count == 0)
            errors.Add("Name at least one orgUnit.");
        if (query.Periods.Count == 0)
            errors.Add("Name at least one period.");

        var unitIds = new HashSet<int>();
        foreach (var text in query.OrgUnits)
        {
            if (!OrgUnitReference.TryParse(text, out var reference, out var error))
                errors.Add(error);
            else if (catalogue.Units.Find(reference, today) is not { } unit)
                errors.Add($"Unknown unit '{text}'.");
            else if (scope is not null && !catalogue.Units.IsWithin(unit, scope))
                errors.Add($"Unit '{text}' is outside your scope ({scope.Code}).");
            else
                unitIds.UnionWith(query.Children ? catalogue.Units.SubtreeOf(unit).Select(u => u.Id) : [unit.Id]);
        }
        var periods = new List<Period>();
        foreach (var code in query.Periods)
        {
            if (Period.TryParse(code, out var period, out var error))
                periods.Add(period);
            else
                errors.Add(error);
        }
        var elementIds = new List<int>();
        foreach (var code in query.DataElements)
        {
            if (catalogue.ElementsByCode.TryGetValue(code, out var element))
                elementIds.Add(element.Id);
            else
                errors.Add($"Unknown data element '{code}'.");
        }
        if (errors.Count > 0)
            return new Result([], errors);

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
