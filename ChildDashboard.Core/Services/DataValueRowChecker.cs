using System.Globalization;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;

namespace ChildDashboard.Core.Services;

// The checks of exchange.md §3 that a row passes or fails on its own (codes, period type and its
// open future, unit open on the period's first day, scope, option, value within its bounds, texts
// within their lengths). Texts from the row are quoted short in messages.
public sealed class DataValueRowChecker(Catalogue catalogue, OrgUnit? scope, ImportLimits limits)
{
    private const NumberStyles NumberStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public CheckedValue? Check(DataValueRow row, ImportConflicts conflicts)
    {
        ImportConflict Conflict(string column, string? value, string vi, string en) => new(row.Row, column, value, Language.Pick(vi, en));
        static string Q(string? text) => ImportConflict.Quote(text);

        if (string.IsNullOrWhiteSpace(row.DataElement) || !catalogue.ElementsByCode.TryGetValue(row.DataElement.Trim(), out var element))
        {
            conflicts.Add(Conflict(DataValueColumns.DataElement, row.DataElement,
                $"Mã chỉ số '{Q(row.DataElement)}' không tồn tại.", $"Unknown data element '{Q(row.DataElement)}'."));
            return null;
        }

        if (!Period.TryParse(row.Period?.Trim(), out var period, out _))
        {
            conflicts.Add(Conflict(DataValueColumns.Period, row.Period,
                $"Kỳ '{Q(row.Period)}' không hợp lệ (ví dụ: 2025, 2025S1, 2025Q3, 202507).",
                $"'{Q(row.Period)}' is not a period (e.g. 2025, 2025S1, 2025Q3, 202507)."));
            return null;
        }
        if (period.Type != element.PeriodType)
        {
            conflicts.Add(Conflict(DataValueColumns.Period, row.Period,
                $"{element.Code} được báo cáo theo kỳ {PeriodTypeVi(element.PeriodType)}, không theo kỳ '{Q(row.Period)}'.",
                $"{element.Code} is reported {element.PeriodType.ToString().ToLowerInvariant()}, not for '{Q(row.Period)}'."));
            return null;
        }
        if (period.End > limits.LatestPeriodEnd)
        {
            conflicts.Add(Conflict(DataValueColumns.Period, row.Period,
                $"Kỳ {period.Code} kết thúc sau ngày {limits.LatestPeriodEnd:dd/MM/yyyy}: chưa thể nhập số liệu cho kỳ xa như vậy.",
                $"{period.Code} ends after {limits.LatestPeriodEnd:yyyy-MM-dd}: values cannot be entered that far ahead."));
            return null;
        }

        var code = row.OrgUnit?.Trim() ?? "";
        var quotedCode = Q(code);
        var unit = catalogue.Units.FindOpen(code, period.Start);
        if (unit is null)
        {
            var known = catalogue.Units.Knows(code);
            conflicts.Add(Conflict(DataValueColumns.OrgUnit, row.OrgUnit,
                known ? $"Không có đơn vị mã '{quotedCode}' hoạt động vào ngày {period.Start:dd/MM/yyyy}, ngày đầu của kỳ {period.Code}."
                      : $"Mã đơn vị '{quotedCode}' không tồn tại.",
                known ? $"No unit with code '{quotedCode}' was open on {period.Start:yyyy-MM-dd}, the first day of {period.Code}."
                      : $"Unknown unit code '{quotedCode}'."));
            return null;
        }
        if (scope is not null && !catalogue.Units.IsWithin(unit, scope))
        {
            conflicts.Add(Conflict(DataValueColumns.OrgUnit, row.OrgUnit,
                $"Đơn vị '{quotedCode}' ({unit.NameVi}) nằm ngoài phạm vi của bạn ({scope.NameVi}).",
                $"Unit '{quotedCode}' ({unit.NameEn}) is outside your scope ({scope.NameEn})."));
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

        if (row.Comment is { } comment && (comment.Length > ImportLimits.CommentLength || HasControlCharacter(comment, allowLineBreaks: true)))
        {
            conflicts.Add(Conflict(DataValueColumns.Comment, comment, comment.Length > ImportLimits.CommentLength
                    ? $"Ghi chú dài {comment.Length:N0} ký tự; tối đa {ImportLimits.CommentLength:N0}."
                    : "Ghi chú chứa ký tự điều khiển (chỉ cho phép tab và xuống dòng).",
                comment.Length > ImportLimits.CommentLength
                    ? $"The comment is {comment.Length:N0} characters long; the limit is {ImportLimits.CommentLength:N0}."
                    : "The comment holds a control character (only tab and line breaks are allowed)."));
            return null;
        }
        if (row.StoredBy is { } storedBy && (storedBy.Length > ImportLimits.StoredByLength || HasControlCharacter(storedBy, allowLineBreaks: false)))
        {
            conflicts.Add(Conflict(DataValueColumns.StoredBy, storedBy,
                $"Cột storedby tối đa {ImportLimits.StoredByLength} ký tự, không có ký tự điều khiển.",
                $"storedby takes at most {ImportLimits.StoredByLength} characters and no control characters."));
            return null;
        }

        double? value = null;
        if (!deleted)
        {
            var text = row.Value?.Trim() ?? "";
            if (text.Length > ImportLimits.NumberLength
                || !double.TryParse(text, NumberStyle, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            {
                conflicts.Add(Conflict(DataValueColumns.Value, row.Value,
                    text.Length == 0 ? "Thiếu giá trị." : $"'{Q(text)}' không phải là số (dùng dấu chấm cho phần thập phân).",
                    text.Length == 0 ? "The value is missing." : $"'{Q(text)}' is not a number (use a point for decimals)."));
                return null;
            }
            if (number < 0)
            {
                conflicts.Add(Conflict(DataValueColumns.Value, row.Value, "Giá trị không được âm.", "Values cannot be negative."));
                return null;
            }
            var max = limits.MaxOf(element.ValueType);
            if (number > max)
            {
                conflicts.Add(Conflict(DataValueColumns.Value, row.Value, element.ValueType == ElementValueType.Money
                        ? $"{element.Code}: {Q(text)} đồng vượt quá mức hợp lý {max.ToString("N0", Vietnamese)} đồng."
                        : $"{element.Code}: {Q(text)} vượt quá mức hợp lý {max.ToString("N0", Vietnamese)}.",
                    element.ValueType == ElementValueType.Money
                        ? $"{element.Code}: {Q(text)} VND is above the plausible maximum of {max.ToString("N0", CultureInfo.InvariantCulture)} VND."
                        : $"{element.Code}: {Q(text)} is above the plausible maximum of {max.ToString("N0", CultureInfo.InvariantCulture)}."));
                return null;
            }
            if (element.ValueType == ElementValueType.Count && !IsWhole(text))
            {
                conflicts.Add(Conflict(DataValueColumns.Value, row.Value,
                    $"{element.Code} là số đếm: cần số nguyên.", $"{element.Code} is a count: a whole number is required."));
                return null;
            }
            // -0 is stored as 0.
            value = number == 0 ? 0 : number;
        }

        return new CheckedValue(row.Row, element, unit, period, matched, value,
            string.IsNullOrEmpty(row.Comment) ? null : row.Comment, string.IsNullOrWhiteSpace(row.StoredBy) ? null : row.StoredBy.Trim(), deleted);
    }

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    // Whether the number as written is whole, decided on its digits: parsed as a double,
    // 999999999.0000000001 would round to a whole number, and 5e-400 to 0.
    internal static bool IsWhole(string text)
    {
        var exponentAt = text.AsSpan().IndexOfAny('e', 'E');
        var mantissa = (exponentAt < 0 ? text : text[..exponentAt]).TrimStart('+', '-');
        var point = mantissa.IndexOf('.');
        var digits = point < 0 ? mantissa : string.Concat(mantissa.AsSpan(0, point), mantissa.AsSpan(point + 1));
        var integerDigits = point < 0 ? mantissa.Length : point;
        if (exponentAt >= 0)
        {
            if (!int.TryParse(text.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent))
                return digits.All(d => d == '0');
            integerDigits = (int)Math.Clamp((long)integerDigits + exponent, 0, digits.Length);
        }
        return digits.AsSpan(integerDigits).IndexOfAnyExcept('0') < 0;
    }

    private static bool HasControlCharacter(string text, bool allowLineBreaks)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && !(allowLineBreaks && c is '\t' or '\r' or '\n'))
                return true;
        }
        return false;
    }

    private static string PeriodTypeVi(PeriodType type) => type switch
    {
        PeriodType.Yearly => "năm",
        PeriodType.SixMonthly => "6 tháng",
        PeriodType.Quarterly => "quý",
        _ => "tháng",
    };
}
