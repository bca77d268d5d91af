using System.Globalization;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;

namespace ChildDashboard.Core.Services;

// The checks of exchange.md §3 that a row passes or fails on its own (codes, period type, unit
// open on the period's first day, scope, option, value).
public sealed class DataValueRowChecker(Catalogue catalogue, OrgUnit? scope)
{
    public CheckedValue? Check(DataValueRow row, List<ImportConflict> conflicts)
    {
        ImportConflict Conflict(string column, string? value, string vi, string en) => new(row.Row, column, value, Language.Pick(vi, en));

        if (string.IsNullOrWhiteSpace(row.DataElement) || !catalogue.ElementsByCode.TryGetValue(row.DataElement.Trim(), out var element))
        {
            conflicts.Add(Conflict(DataValueColumns.DataElement, row.DataElement,
                $"Mã chỉ số '{row.DataElement}' không tồn tại.", $"Unknown data element '{row.DataElement}'."));
            return null;
        }

        if (!Period.TryParse(row.Period?.Trim(), out var period, out _))
        {
            conflicts.Add(Conflict(DataValueColumns.Period, row.Period,
                $"Kỳ '{row.Period}' không hợp lệ (ví dụ: 2025, 2025S1, 2025Q3, 202507).",
                $"'{row.Period}' is not a period (e.g. 2025, 2025S1, 2025Q3, 202507)."));
            return null;
        }
        if (period.Type != element.PeriodType)
        {
            conflicts.Add(Conflict(DataValueColumns.Period, row.Period,
                $"{element.Code} được báo cáo theo kỳ {PeriodTypeVi(element.PeriodType)}, không theo kỳ '{row.Period}'.",
                $"{element.Code} is reported {element.PeriodType.ToString().ToLowerInvariant()}, not for '{row.Period}'."));
            return null;
        }

        var code = row.OrgUnit?.Trim() ?? "";
        var unit = catalogue.Units.FindOpen(code, period.Start);
        if (unit is null)
        {
            var known = catalogue.Units.Knows(code);
            conflicts.Add(Conflict(DataValueColumns.OrgUnit, row.OrgUnit,
                known ? $"Không có đơn vị mã '{code}' hoạt động vào ngày {period.Start:dd/MM/yyyy}, ngày đầu của kỳ {period.Code}."
                      : $"Mã đơn vị '{code}' không tồn tại.",
                known ? $"No unit with code '{code}' was open on {period.Start:yyyy-MM-dd}, the first day of {period.Code}."
                      : $"Unknown unit code '{code}'."));
            return null;
        }
        if (scope is not null && !catalogue.Units.IsWithin(unit, scope))
        {
            conflicts.Add(Conflict(DataValueColumns.OrgUnit, row.OrgUnit,
                $"Đơn vị '{code}' ({unit.NameVi}) nằm ngoài phạm vi của bạn ({scope.NameVi}).",
                $"Unit '{code}' ({unit.NameEn}) is outside your scope ({scope.NameEn})."));
            return null;
        }

        var options = catalogue.OptionsOf(element);
        var option = string.IsNullOrWhiteSpace(row.CategoryOptionCombo) ? DisaggregationOption.DefaultCode : row.CategoryOptionCombo.Trim();
        var matched = options.FirstOrDefault(o => o.Equals(option, StringComparison.OrdinalIgnoreCase));
        if (matched is null || (element.IsDisaggregated && matched == DisaggregationOption.DefaultCode))
        {
            conflicts.Add(Conflict(DataValueColumns.CategoryOptionCombo, row.CategoryOptionCombo,
                $"{element.Code} cần một trong các phân tổ: {string.Join(", ", options)}.",
                $"{element.Code} needs one of the options: {string.Join(", ", options)}."));
            return null;
        }

        var deletedText = row.Deleted?.Trim() ?? "";
        if (deletedText.Length > 0 && !bool.TryParse(deletedText, out _))
        {
            conflicts.Add(Conflict(DataValueColumns.Deleted, row.Deleted,
                "Cột deleted chỉ nhận true hoặc false.", "The deleted column takes true or false."));
            return null;
        }
        var deleted = deletedText.Equals("true", StringComparison.OrdinalIgnoreCase);

        double? value = null;
        if (!deleted)
        {
            var text = row.Value?.Trim() ?? "";
            if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number)
                || !double.IsFinite(number))
            {
                conflicts.Add(Conflict(DataValueColumns.Value, row.Value,
                    text.Length == 0 ? "Thiếu giá trị." : $"'{text}' không phải là số (dùng dấu chấm cho phần thập phân).",
                    text.Length == 0 ? "The value is missing." : $"'{text}' is not a number (use a point for decimals)."));
                return null;
            }
            if (number < 0)
            {
                conflicts.Add(Conflict(DataValueColumns.Value, row.Value, "Giá trị không được âm.", "Values cannot be negative."));
                return null;
            }
            if (element.ValueType == ElementValueType.Count && number != Math.Floor(number))
            {
                conflicts.Add(Conflict(DataValueColumns.Value, row.Value,
                    $"{element.Code} là số đếm: cần số nguyên.", $"{element.Code} is a count: a whole number is required."));
                return null;
            }
            value = number;
        }

        return new CheckedValue(row.Row, element, unit, period, matched, value,
            string.IsNullOrEmpty(row.Comment) ? null : row.Comment, string.IsNullOrWhiteSpace(row.StoredBy) ? null : row.StoredBy.Trim(), deleted);
    }

    private static string PeriodTypeVi(PeriodType type) => type switch
    {
        PeriodType.Yearly => "năm",
        PeriodType.SixMonthly => "6 tháng",
        PeriodType.Quarterly => "quý",
        _ => "tháng",
    };
}
