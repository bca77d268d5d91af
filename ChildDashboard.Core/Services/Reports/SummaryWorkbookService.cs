using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange.Reports;
using ChildDashboard.Core.Identity;

namespace ChildDashboard.Core.Services.Reports;

// The analyst summary of a unit (with the units below it) for a period: every figure is asked of
// AnalyticsService with the same question GET /api/v1/analytics would get, so the workbook and
// the API cannot disagree; the ranking and the completeness are computed from the same answers.
public sealed class SummaryWorkbookService(CatalogueCache catalogues, AnalyticsService analytics, CompletenessService completeness, TimeProvider time)
{
    public const int TrendYears = 8;

    public async Task<ReportFile> CreateAsync(UserAccess access, string orgUnit, string period, CancellationToken ct = default)
    {
        var (model, error, forbidden) = await BuildAsync(access, orgUnit, period, ct);
        if (model is null)
            return ReportFile.Failed(error ?? "", forbidden);
        using var output = new MemoryStream();
        SummaryWorkbookWriter.Write(output, model);
        return new ReportFile(output.ToArray(), $"{Language.Pick("tong-hop", "summary")}-{model.Unit.Code}-{model.Period.Code}.xlsx", null);
    }

    public async Task<(SummaryModel? Model, string? Error, bool Forbidden)> BuildAsync(UserAccess access, string orgUnit, string period, CancellationToken ct = default)
    {
        var catalogue = await catalogues.GetAsync();
        var today = VietnamClock.Today(time);
        var scope = access.ScopeOrNullIfNational;
        var resolver = new QueryResolver(catalogue, today, scope);
        var units = resolver.Units([orgUnit]);
        var periods = resolver.Periods([period]);
        if (!resolver.IsValid)
            return (null, string.Join(" ", resolver.Errors), resolver.IsOutOfScopeOnly);
        var (_, unit) = units[0];
        var asked = periods[0];
        if (!access.CanRead(unit))
            return (null, Language.Pick($"{unit.NameVi} nằm ngoài phạm vi của bạn.", $"{unit.NameEn} is outside your scope."), true);

        var years = Enumerable.Range(asked.Year - TrendYears + 1, TrendYears).ToList();
        var answer = await AskAsync(new AnalyticsQuery([AnalyticsService.AllIndicators], [orgUnit], [asked.Code]), scope, ct);
        var trend = await AskAsync(new AnalyticsQuery([AnalyticsService.AllIndicators], [orgUnit], years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList()), scope, ct);
        var trendOf = trend.ToDictionary(r => (r.Indicator, r.Period));
        var lines = answer.Select(r => Line(catalogue.IndicatorsByCode[r.Indicator], r,
            years.Select(y => trendOf[(r.Indicator, Period.ForYear(y).Code)].Value).ToList())).ToList();

        var ranking = access.IsNational && unit.Level == 1 ? await RankingAsync(catalogue, asked, today, ct) : null;
        var summary = await completeness.ForUnitAsync(access, unit, asked, ct);
        var programmes = catalogue.Programmes.Where(p => catalogue.Indicators.Any(i => i.ProgrammeId == p.Id)).ToList();
        return (new SummaryModel(unit, asked, asked.End >= today, catalogue.IsDemoData, VietnamClock.Now(time), programmes, lines, ranking, years,
            CompletenessLines(summary)), null, false);
    }

    public static SummaryLine Line(Indicator indicator, AnalyticsRow row, IReadOnlyList<double?> trend) => new(
        indicator, row.Value, row.Numerator, row.Denominator, row.Baseline, row.BaselineYear, row.Target, row.TargetYear,
        row.Progress, row.Expected, row.Status, trend);

    private async Task<IReadOnlyList<AnalyticsRow>> AskAsync(AnalyticsQuery query, OrgUnit? scope, CancellationToken ct)
    {
        var result = await analytics.QueryAsync(query, scope, ct);
        if (!result.IsValid)
            throw new InvalidOperationException(string.Join(" ", result.Errors));
        return result.Rows;
    }

    // The provinces of the period (open on its last day, or today while it runs), each asked by
    // code at that date so that a reused code names the right one.
    private async Task<IReadOnlyList<RankingLine>> RankingAsync(Catalogue catalogue, Period period, DateOnly today, CancellationToken ct)
    {
        var date = period.End < today ? period.End : today;
        var provinces = catalogue.Units.OpenOn(date, 2).ToList();
        var references = provinces.Select(p => new OrgUnitReference(p.Code, date).ToString()).ToList();
        var rows = await AskAsync(new AnalyticsQuery([AnalyticsService.AllIndicators], references, [period.Code]), null, ct);
        var byReference = rows.ToLookup(r => r.OrgUnit);
        var scored = provinces.Select((province, i) =>
        {
            var counts = byReference[references[i]].GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
            var assessed = counts.Where(c => c.Key is not (IndicatorStatus.NoData or IndicatorStatus.NoTarget)).Sum(c => c.Value);
            var good = counts.GetValueOrDefault(IndicatorStatus.Achieved) + counts.GetValueOrDefault(IndicatorStatus.OnTrack);
            return (Province: province, Counts: counts, Share: assessed == 0 ? (double?)null : (double)good / assessed);
        }).ToList();
        var vi = StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false);
        return scored
            .OrderByDescending(s => s.Share ?? -1).ThenBy(s => s.Province.NameVi, vi)
            .Select(s => new RankingLine(1 + scored.Count(o => (o.Share ?? -1) > (s.Share ?? -1)), s.Province, s.Counts, s.Share))
            .ToList();
    }

    private static List<CompletenessLine> CompletenessLines(CompletenessSummary? summary)
    {
        if (summary is null)
            return [];
        var lines = summary.Forms
            .OrderBy(f => f.Quarter).ThenBy(f => f.Unit.Code, StringComparer.Ordinal)
            .Select(f => new CompletenessLine(f.Unit, f.Quarter, f.Expected, f.Entered, f.Status, f.Deadline, f.SubmittedOn, f.OnTime, f.DaysOverdue))
            .ToList();
        lines.Add(new CompletenessLine(null, null, summary.Expected, summary.Entered, null, null, null, null, null));
        return lines;
    }
}
