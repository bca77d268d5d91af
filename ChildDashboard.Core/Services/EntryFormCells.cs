using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;

namespace ChildDashboard.Core.Services;

// The (data element, option) cells a province's form for a quarter expects (domain.md §5): every
// Quarterly element, and the Yearly ones in the last quarter of the year in which the province is
// open, when it was open on that year's first day (Q2 2025 for a province closed on 2025-06-30; none
// for 2025 for one opened on 2025-07-01). Options: each of the element's, or the default one.
public static class EntryFormCells
{
    public static IReadOnlyList<EntryTemplateWriter.Cell> For(Catalogue catalogue, OrgUnit province, Period quarter)
    {
        var year = Period.ForYear(quarter.Year);
        var cells = new List<EntryTemplateWriter.Cell>();
        foreach (var element in catalogue.Elements.Where(e => e.IsActiveIn(quarter)))
        {
            Period? period = element.PeriodType switch
            {
                PeriodType.Quarterly => quarter,
                PeriodType.Yearly when HoldsYearlyValues(province, quarter, year) => year,
                _ => null,
            };
            if (period is null)
                continue;
            var options = element.IsDisaggregated
                ? catalogue.OptionsOf(element).Where(o => o != DisaggregationOption.DefaultCode)
                : [DisaggregationOption.DefaultCode];
            cells.AddRange(options.Select(o => new EntryTemplateWriter.Cell(element, o, period.Value)));
        }
        return cells;
    }

    // The last quarter of the year in which the province is open, and open on the year's first day.
    public static bool HoldsYearlyValues(OrgUnit province, Period quarter, Period year)
    {
        if (province.OpeningDate > year.Start)
            return false;
        var lastOpenDay = province.ClosedDate is { } closed && closed < year.End ? closed : year.End;
        return quarter.Start <= lastOpenDay && lastOpenDay <= quarter.End;
    }
}
