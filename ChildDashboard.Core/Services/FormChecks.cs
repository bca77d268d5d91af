using System.Globalization;
using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Services;

// The messages of a form (domain.md §7): the validation rules on the unit's stored values (errors
// block submitting, warnings need a comment), and values unusual against the unit's own history
// (warnings), each attached to the cells it concerns.
public static class FormChecks
{
    // How far back the unusual-value test looks: three years of quarters, six years of years.
    public const int QuarterHistory = 12;
    public const int YearHistory = 6;

    public static async Task<IReadOnlyList<FormMessage>> MessagesAsync(
        Catalogue catalogue, ValueStore store, OrgUnit unit, Period quarter, IReadOnlyList<FormCellView> cells, IReadOnlyList<DataValue> stored,
        CancellationToken ct)
    {
        var messages = RuleMessages(catalogue, quarter, cells, stored);
        messages.AddRange(await store.ReadAsync(table => OutlierMessages(table, catalogue.Units, unit, cells), ct));
        return messages;
    }

    // Totals per element of what is stored on the unit: a Quarterly element in the quarter, a
    // Yearly one in the year (which the form may or may not hold).
    private static List<FormMessage> RuleMessages(Catalogue catalogue, Period quarter, IReadOnlyList<FormCellView> cells, IReadOnlyList<DataValue> stored)
    {
        var quarterCode = quarter.Code;
        var yearCode = quarter.YearPeriod.Code;
        var totals = new Dictionary<int, double>();
        foreach (var value in stored)
        {
            if (!catalogue.ElementsById.TryGetValue(value.DataElementId, out var element))
                continue;
            var expected = element.PeriodType == PeriodType.Yearly ? yearCode : quarterCode;
            if (value.Period == expected)
                totals[element.Id] = totals.GetValueOrDefault(element.Id) + value.Value;
        }
        double? Total(string code) => catalogue.ElementsByCode.TryGetValue(code, out var e) && totals.TryGetValue(e.Id, out var t) ? t : null;

        var vietnamese = Language.IsVietnamese;
        var messages = new List<FormMessage>();
        foreach (var rule in catalogue.ValidationRules.Where(r => r.IsActiveIn(quarter)))
        {
            if (rule.Check(Total) is not { Holds: false } broken)
                continue;
            var keys = CellsOf(cells, rule.LeftCodes);
            if (keys.Count == 0)
                keys = CellsOf(cells, rule.RightCodes);
            if (keys.Count == 0)
                continue;
            messages.Add(new FormMessage(rule.Severity, rule.Code, string.Format(CultureInfo.CurrentCulture,
                "{0} ({1:#,0.##} {2} {3:#,0.##})", rule.Message(vietnamese), broken.Left, rule.Operator, broken.Right), keys));
        }
        return messages;
    }

    private static List<string> CellsOf(IReadOnlyList<FormCellView> cells, IReadOnlyList<string> codes) =>
        cells.Where(c => codes.Contains(c.Cell.Element.Code, StringComparer.OrdinalIgnoreCase)).Select(c => c.Key).ToList();

    private static List<FormMessage> OutlierMessages(ValueTable table, OrgUnitDirectory units, OrgUnit unit, IReadOnlyList<FormCellView> cells)
    {
        var messages = new List<FormMessage>();
        foreach (var cell in cells)
        {
            if (cell.Current.Value is not { } value)
                continue;
            var history = History(table, units, unit, cell.Cell);
            if (!OutlierTest.IsOutlier(value, history))
                continue;
            var median = OutlierTest.Median(history);
            messages.Add(new FormMessage(ValidationSeverity.Warning, FormMessage.OutlierCode, string.Format(CultureInfo.CurrentCulture, Language.Pick(
                    "Khác thường so với {0} kỳ trước của đơn vị (trung vị {1:#,0.##}): kiểm tra lại hoặc ghi chú lý do.",
                    "Unusual against the unit's last {0} periods (median {1:#,0.##}): check it or comment on why."), history.Count, median),
                [cell.Key]));
        }
        return messages;
    }

    // The unit's own values (its territory at each period) for the periods before this one.
    public static List<double> History(ValueTable table, OrgUnitDirectory units, OrgUnit unit, FormCell cell)
    {
        var period = cell.ValuePeriod;
        var count = period.Type == PeriodType.Yearly ? YearHistory : QuarterHistory;
        var history = new List<double>(count);
        var p = period;
        for (var i = 0; i < count; i++)
        {
            p = period.Type == PeriodType.Yearly ? Period.ForYear(p.Year - 1)
                : p.Index == 1 ? Period.ForQuarter(p.Year - 1, 4) : p with { Index = p.Index - 1 };
            if (table.Sum(cell.Element.Id, cell.Option, p, units.TerritoryOf(unit, p.Start)) is { } v)
                history.Add(v);
        }
        return history;
    }

    // Errors block submitting; a warning blocks it until one of its cells has a comment.
    public static IReadOnlyList<FormMessage> Blocking(FormView form) => form.Messages
        .Where(m => m.Severity == ValidationSeverity.Error
            || !m.CellKeys.Any(k => form.Cells.TryGetValue(k, out var c) && !string.IsNullOrWhiteSpace(c.Current.Comment)))
        .ToList();
}
