using System.Globalization;
using System.Text.RegularExpressions;
using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Services;

// A number as staff type it into a form cell: Vietnamese style (1.234 or 1.234,5), or plain
// (1234, 1234.5). A text with dot groups of three is read as thousands in Vietnamese, and for
// counts in English too (a count has no decimals). Empty means "no value".
public static partial class EntryNumber
{
    public static bool TryParse(string? text, DataElement element, bool vietnamese, out double? value, out string? error)
    {
        value = null;
        error = null;
        var trimmed = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        if (trimmed.Length == 0)
            return true;
        string? invariant = null;
        if (trimmed.Length <= ImportLimits.NumberLength)
        {
            if (DotGroups().IsMatch(trimmed) && (vietnamese || element.ValueType == ElementValueType.Count))
                invariant = trimmed.Replace(".", "", StringComparison.Ordinal);
            else if (vietnamese && VietnameseNumber().IsMatch(trimmed))
                invariant = trimmed.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
            else if (!vietnamese && EnglishNumber().IsMatch(trimmed))
                invariant = trimmed.Replace(",", "", StringComparison.Ordinal);
            else if (PlainNumber().IsMatch(trimmed))
                invariant = trimmed;
        }
        if (trimmed.StartsWith('-') && PlainNumber().IsMatch(trimmed.TrimStart('-')))
        {
            error = Language.Pick("Giá trị không được âm.", "Values cannot be negative.");
            return false;
        }
        if (invariant is null || !double.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            error = Language.Pick($"'{Short(trimmed)}' không phải là số (ví dụ 1.234 hoặc 1234).", $"'{Short(trimmed)}' is not a number (e.g. 1,234 or 1234).");
            return false;
        }
        if (element.ValueType == ElementValueType.Count && !DataValueRowChecker.IsWhole(invariant))
        {
            error = Language.Pick("Đây là số đếm: cần số nguyên.", "This is a count: a whole number is required.");
            return false;
        }
        value = number;
        return true;
    }

    private static string Short(string text) => text.Length > 20 ? string.Concat(text.AsSpan(0, 20), "…") : text;

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+$")]
    private static partial Regex DotGroups();

    [GeneratedRegex(@"^(\d{1,3}(\.\d{3})*|\d+)(,\d+)?$")]
    private static partial Regex VietnameseNumber();

    [GeneratedRegex(@"^(\d{1,3}(,\d{3})*|\d+)(\.\d+)?$")]
    private static partial Regex EnglishNumber();

    [GeneratedRegex(@"^\d+(\.\d+)?$")]
    private static partial Regex PlainNumber();
}
