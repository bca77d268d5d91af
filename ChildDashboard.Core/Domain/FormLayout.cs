namespace ChildDashboard.Core.Domain;

// One expected (element, option) of a form and the period its value is stored under.
public sealed record FormCell(DataElement Element, string Option, Period ValuePeriod);

// What a province's form for a quarter expects (domain.md §5): every Quarterly element, and the
// Yearly ones only in the form that holds that year's values.
public static class FormLayout
{
    public static IReadOnlyList<FormCell> Cells(
        OrgUnit province, Period quarter, IEnumerable<DataElement> elements, Func<DataElement, IReadOnlyList<string>> optionsOf)
    {
        var holdsYear = HoldsYearlyValues(province, quarter);
        var cells = new List<FormCell>();
        foreach (var element in elements)
        {
            // A retired element is not asked for in quarters from its retirement on.
            if (!element.IsActiveIn(quarter))
                continue;
            Period valuePeriod;
            if (element.PeriodType == PeriodType.Quarterly)
                valuePeriod = quarter;
            else if (element.PeriodType == PeriodType.Yearly && holdsYear)
                valuePeriod = quarter.YearPeriod;
            else
                continue;
            var options = optionsOf(element);
            foreach (var option in options.Count == 0 ? [DisaggregationOption.DefaultCode] : options)
                cells.Add(new FormCell(element, option, valuePeriod));
        }
        return cells;
    }

    // Whether the province's form for this quarter holds its yearly values: the province was open
    // on the year's first day, and this is the last quarter of the year in which it is open.
    public static bool HoldsYearlyValues(OrgUnit province, Period quarter)
    {
        var year = quarter.YearPeriod;
        if (!province.IsOpenOn(year.Start))
            return false;
        return ReportForm.PeriodFor(year, province) == quarter;
    }

    // Provinces that must report for the quarter: those open on its first day.
    public static bool MustReport(OrgUnit unit, Period quarter) => unit.Level == 2 && unit.IsOpenOn(quarter.Start);
}
