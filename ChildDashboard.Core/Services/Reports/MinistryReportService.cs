using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange.Reports;
using ChildDashboard.Core.Identity;

namespace ChildDashboard.Core.Services.Reports;

// A report to the ministry for a province, or the national roll-up, filled in for the rows of
// MinistryReportLayout: indicators from AnalyticsService, the priority groups' and budget counts
// by the same arithmetic (IndicatorCalculator), completeness per quarter, and the narrative.
public sealed class MinistryReportService(
    CatalogueCache catalogues, AnalyticsService analytics, CompletenessService completeness, ValueStore store,
    ReportNarrativeService narratives, TimeProvider time)
{
    private const string Sex = "sex";

    public async Task<ReportFile> CreateAsync(UserAccess access, string orgUnit, string report, CancellationToken ct = default)
    {
        var (model, error, forbidden) = await BuildAsync(access, orgUnit, report, ct);
        if (model is null)
            return ReportFile.Failed(error ?? "", forbidden);
        using var output = new MemoryStream();
        MinistryReportWriter.Write(output, model);
        return new ReportFile(output.ToArray(), $"{Language.Pick("bao-cao-bo", "ministry-report")}-{model.Unit.Code}-{model.Covers.Code}.xlsx", null);
    }

    public async Task<(MinistryReportModel? Model, string? Error, bool Forbidden)> BuildAsync(UserAccess access, string orgUnit, string report, CancellationToken ct = default)
    {
        if (!MinistryReportPeriod.TryParse(report, out var covers, out var periodError))
            return (null, periodError, false);
        var catalogue = await catalogues.GetAsync();
        var today = VietnamClock.Today(time);
        var scope = access.ScopeOrNullIfNational;
        var resolver = new QueryResolver(catalogue, today, scope);
        var units = resolver.Units([orgUnit]);
        if (!resolver.IsValid)
            return (null, string.Join(" ", resolver.Errors), resolver.IsOutOfScopeOnly);
        var unit = units[0].Unit;
        if (!access.CanRead(unit))
            return (null, Language.Pick($"{unit.NameVi} nằm ngoài phạm vi của bạn.", $"{unit.NameEn} is outside your scope."), true);
        if (!MinistryReportPeriod.IsReportingUnit(unit))
            return (null, Language.Pick("Báo cáo Bộ do tỉnh, thành phố lập (hoặc toàn quốc).", "Reports to the ministry are made by a province (or the nation)."), false);

        var annual = covers.Type == PeriodType.Yearly;
        var lastYear = new Period(covers.Type, covers.Year - 1, covers.Index);
        var result = await analytics.QueryAsync(new AnalyticsQuery([AnalyticsService.AllIndicators], [orgUnit], [lastYear.Code, covers.Code]), scope, ct);
        if (!result.IsValid)
            return (null, string.Join(" ", result.Errors), result.OutOfScope);
        var byKey = result.Rows.ToDictionary(r => (r.Indicator, r.Period));
        var indicators = catalogue.Indicators.ToDictionary(
            i => i.Code,
            i => SummaryWorkbookService.Line(i, byKey[(i.Code, covers.Code)], [byKey[(i.Code, lastYear.Code)].Value, byKey[(i.Code, covers.Code)].Value]),
            StringComparer.OrdinalIgnoreCase);

        var elementCodes = MinistryReportLayout.Sections.SelectMany(s => s.Rows).Where(r => r.Kind == ReportRowKind.Element).Select(r => r.Code).Distinct().ToList();
        var elements = await store.ReadAsync(values =>
        {
            var calculator = new IndicatorCalculator(catalogue.Units, catalogue.ElementsByCode, values);
            double? Of(DataElement e, string? option, Period p) => unit.ClosedDate is { } closed && p.End > closed ? null : calculator.Aggregate(e, option, unit, p);
            return elementCodes.Select(code => catalogue.ElementsByCode[code]).ToDictionary(
                e => e.Code,
                e => new ElementFigures(e, Of(e, null, covers),
                    e.Disaggregation == Sex ? Of(e, "MALE", covers) : null,
                    e.Disaggregation == Sex ? Of(e, "FEMALE", covers) : null,
                    Of(e, null, lastYear)),
                StringComparer.OrdinalIgnoreCase);
        }, ct);

        var forms = (await completeness.ForUnitAsync(access, unit, covers, ct))?.Forms ?? [];
        var quarters = forms.GroupBy(f => f.Quarter).OrderBy(g => g.Key)
            .Select(g => new QuarterCompleteness(g.Key, g.Count(), g.Count(f => f.IsSubmitted), g.Count(f => f.Status == FormStatus.Approved),
                g.Count(f => f.OnTime), g.Sum(f => f.Expected), g.Sum(f => f.Entered)))
            .ToList();
        var narrative = await narratives.GetAsync(unit, covers, ct);
        IReadOnlyList<ProvinceReportLine>? provinces = null;
        if (unit.Level == 1)
        {
            var written = await narratives.UpdatedAsync(covers, ct);
            provinces = forms.GroupBy(f => f.Unit.Id)
                .Select(g => new ProvinceReportLine(g.First().Unit, g.Sum(f => f.Expected), g.Sum(f => f.Entered), g.Count(f => f.IsSubmitted),
                    g.Count(f => f.Status == FormStatus.Approved), g.Count(), written.TryGetValue(g.Key, out var at) ? at : null))
                .OrderBy(p => p.Province.ClosedDate is null).ThenBy(p => p.Province.Code, StringComparer.Ordinal)
                .ToList();
        }
        var deadline = completeness.MinistryReports(covers.Year).First(r => r.Annual == annual).Deadline;
        var partial = covers.End >= today || forms.Any(f => f.Status != FormStatus.Approved) || quarters.Count < 4 / (annual ? 1 : 2);
        return (new MinistryReportModel(unit, covers, annual, deadline, partial, catalogue.IsDemoData, VietnamClock.Now(time),
            catalogue.Programmes.ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase), indicators, elements, quarters,
            narrative.UpdatedBy is { } author && narrative.UpdatedAt is { } updated ? new NarrativeText(narrative.Text, author, updated) : null,
            provinces), null, false);
    }
}
