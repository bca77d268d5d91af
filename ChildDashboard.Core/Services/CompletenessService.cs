using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Core.Services;

// Completeness and timeliness exactly as domain.md §5 defines them: the provinces open on a
// quarter's first day must report (63 up to 2025Q2, 34 from 2025Q3, so a merged province never
// counts twice); a pair is entered when a value is stored on the province or a unit below it.
public sealed class CompletenessService(
    IDbContextFactory<AppDbContext> factory, CatalogueCache catalogues, ValueStore store, TimeProvider time, IOptions<ReportingOptions>? options = null)
{

    // Read at each use: the settings page changes the deadlines without a restart.
    public ReportingOptions Options => options?.Value ?? new ReportingOptions();

    // Null when no form is expected from the unit in the period (a commune, a closed unit after it
    // closed, a period not started): no row.
    public async Task<CompletenessSummary?> ForUnitAsync(UserAccess access, OrgUnit unit, Period period, CancellationToken ct = default)
    {
        if (!access.CanRead(unit))
            throw new UnauthorizedAccessException(Language.Pick($"Đơn vị {unit.NameVi} nằm ngoài phạm vi của bạn.", $"{unit.NameEn} is outside your scope."));
        var catalogue = await catalogues.GetAsync();
        var today = VietnamClock.Today(time);
        var quarters = QuartersOf(period).Where(q => q.Start <= today).ToList();
        var provinces = quarters
            .SelectMany(q => catalogue.Units.TerritoryOf(unit, q.Start).Select(id => catalogue.Units[id])
                .Where(u => FormLayout.MustReport(u, q)).Select(u => (Unit: u, Quarter: q)))
            .ToList();
        if (provinces.Count == 0)
            return null;
        var forms = await FormsAsync(catalogue, provinces, today, ct);
        return new CompletenessSummary(unit, period, forms);
    }

    // Every province that had to report for the quarter and is within the user's scope.
    public async Task<IReadOnlyList<FormCompleteness>> ForQuarterAsync(UserAccess access, Period quarter, CancellationToken ct = default)
    {
        var catalogue = await catalogues.GetAsync();
        var today = VietnamClock.Today(time);
        var provinces = catalogue.Units.OpenOn(quarter.Start, 2).Where(access.CanRead).Select(u => (u, quarter)).ToList();
        return await FormsAsync(catalogue, provinces, today, ct);
    }

    // The completeness of the values behind one indicator's figures: entered ÷ expected of the given
    // elements only, in the same forms as ForUnitAsync counts, for every (unit, period) asked; no
    // entry where no form is expected.
    public async Task<IReadOnlyDictionary<(int UnitId, Period Period), (int Entered, int Expected)>> ForElementsAsync(
        UserAccess access, IReadOnlyCollection<OrgUnit> units, IReadOnlyCollection<Period> periods, IReadOnlyCollection<int> elementIds, CancellationToken ct = default)
    {
        foreach (var unit in units.Where(u => !access.CanRead(u)))
            throw new UnauthorizedAccessException(Language.Pick($"Đơn vị {unit.NameVi} nằm ngoài phạm vi của bạn.", $"{unit.NameEn} is outside your scope."));
        var catalogue = await catalogues.GetAsync();
        var today = VietnamClock.Today(time);
        var elements = catalogue.Elements.Where(e => elementIds.Contains(e.Id)).ToList();
        var forms = (from unit in units
                     from period in periods
                     from quarter in QuartersOf(period).Where(q => q.Start <= today)
                     from id in catalogue.Units.TerritoryOf(unit, quarter.Start)
                     let province = catalogue.Units[id]
                     where FormLayout.MustReport(province, quarter)
                     select (Key: (unit.Id, period), Province: province, Quarter: quarter)).ToList();
        return await store.ReadAsync(table =>
        {
            var counted = new Dictionary<(int, Period), (int Expected, int Entered)>();
            var result = new Dictionary<(int UnitId, Period Period), (int Entered, int Expected)>();
            foreach (var form in forms)
            {
                if (!counted.TryGetValue((form.Province.Id, form.Quarter), out var count))
                    counted[(form.Province.Id, form.Quarter)] = count = Count(table, catalogue, elements, form.Province, form.Quarter);
                var sum = result.GetValueOrDefault(form.Key);
                result[form.Key] = (sum.Entered + count.Entered, sum.Expected + count.Expected);
            }
            return (IReadOnlyDictionary<(int, Period), (int, int)>)result;
        }, ct);
    }

    public IReadOnlyList<MinistryReport> MinistryReports(int year) =>
    [
        Report(false, Period.ForHalf(year, 1), new DateOnly(year, Options.SixMonthReportMonth, Options.SixMonthReportDay)),
        Report(true, Period.ForYear(year), new DateOnly(year, Options.AnnualReportMonth, Options.AnnualReportDay)),
    ];

    private MinistryReport Report(bool annual, Period covers, DateOnly deadline)
    {
        var quarters = covers.Split(PeriodType.Quarterly).ToList();
        return new MinistryReport(annual, covers, deadline,
            quarters.Where(q => Options.QuarterDeadline(q) <= deadline).ToList(),
            quarters.Where(q => Options.QuarterDeadline(q) > deadline).ToList());
    }

    public static IEnumerable<Period> QuartersOf(Period period) => period.Type switch
    {
        PeriodType.Quarterly => [period],
        PeriodType.Monthly => [Period.ForQuarter(period.Year, (period.Index - 1) / 3 + 1)],
        _ => period.Split(PeriodType.Quarterly),
    };

    private async Task<List<FormCompleteness>> FormsAsync(
        Catalogue catalogue, IReadOnlyList<(OrgUnit Unit, Period Quarter)> provinces, DateOnly today, CancellationToken ct)
    {
        var codes = provinces.Select(p => p.Quarter.Code).Distinct().ToList();
        var unitIds = provinces.Select(p => p.Unit.Id).Distinct().ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.ReportForms.AsNoTracking().Where(f => codes.Contains(f.Period) && unitIds.Contains(f.OrgUnitId)).ToListAsync(ct);
        var formOf = rows.ToDictionary(f => (f.OrgUnitId, f.Period));
        return await store.ReadAsync(table => provinces.Select(p =>
        {
            var (expected, entered) = Count(table, catalogue, catalogue.Elements, p.Unit, p.Quarter);
            var form = formOf.GetValueOrDefault((p.Unit.Id, p.Quarter.Code));
            var deadline = Options.QuarterDeadline(p.Quarter);
            var submitted = form?.FirstSubmissionUtc is { } at ? DateOnly.FromDateTime(at + VietnamClock.Offset) : (DateOnly?)null;
            var overdue = Math.Max(0, (submitted ?? today).DayNumber - deadline.DayNumber);
            return new FormCompleteness(p.Unit, p.Quarter, expected, entered, form?.Status ?? FormStatus.Draft, deadline, submitted,
                submitted is { } on && on <= deadline, overdue);
        }).ToList(), ct);
    }

    private static (int Expected, int Entered) Count(ValueTable table, Catalogue catalogue, IEnumerable<DataElement> elements, OrgUnit province, Period quarter)
    {
        var cells = FormLayout.Cells(province, quarter, elements, catalogue.OptionsOf);
        var entered = cells.Count(c => table.Sum(c.Element.Id, c.Option, c.ValuePeriod, catalogue.Units.TerritoryOf(province, c.ValuePeriod.Start)) is not null);
        return (cells.Count, entered);
    }
}
