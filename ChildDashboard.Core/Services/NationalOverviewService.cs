using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Services;

// The home page: every programme with its indicators and the national value of the last full year.
public sealed class NationalOverviewService(
    CatalogueCache catalogues, AnalyticsService analytics, TimeProvider time)
{
    public async Task<NationalOverview> GetAsync(CancellationToken ct = default)
    {
        var year = Period.ForYear(VietnamClock.Today(time).Year - 1);
        var catalogue = await catalogues.GetAsync();
        var result = await analytics.QueryAsync(
            new AnalyticsQuery([AnalyticsService.AllIndicators], [OrgUnit.NationCode], [year.Code]), ct: ct);
        var rows = result.Rows.ToDictionary(r => r.Indicator);

        var programmes = catalogue.Programmes
            .Where(p => p.IsActiveIn(year))
            .Select(p => new ProgrammeOverview(
                p.Code, p.NameVi, p.NameEn, p.Decision, p.StartYear, p.EndYear,
                catalogue.Indicators.Where(i => i.ProgrammeId == p.Id && i.IsActiveIn(year)).OrderBy(i => i.Code, StringComparer.Ordinal)
                    .Select(i => Overview(i, rows[i.Code]))
                    .ToList()))
            .OrderByDescending(p => p.Indicators.Count > 0).ThenByDescending(p => p.StartYear).ThenBy(p => p.Code)
            .ToList();
        return new NationalOverview(catalogue.Units.Root?.Id ?? 0, year.Code, catalogue.IsDemoData, programmes);
    }

    private static IndicatorOverview Overview(Indicator i, AnalyticsRow row) =>
        new(i.Code, i.NameVi, i.NameEn, i.UnitVi, i.UnitEn, i.Direction, i.Decimals, row.Value, row.Target, row.TargetYear, row.Status);
}
