using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ChildDashboard.Core.Domain;

/// A unit as written by a user or a file: a bare code (`15`) or a code at a date (`15@2024-01-01`).
public readonly record struct OrgUnitReference(string Code, DateOnly? Date)
{
    public override string ToString() => Date is { } date ? $"{Code}@{date:yyyy-MM-dd}" : Code;

    public static bool TryParse(string? text, out OrgUnitReference reference, [NotNullWhen(false)] out string? error)
    {
        reference = default;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = Language.Pick("Cần có mã đơn vị.", "A unit code is required.");
            return false;
        }

        var at = text.IndexOf('@');
        if (at < 0)
        {
            reference = new OrgUnitReference(text.Trim(), null);
            return true;
        }

        var datePart = text[(at + 1)..];
        if (!DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            error = Language.Pick($"'{text}' không phải là tham chiếu đơn vị: ngày sau @ phải viết dạng YYYY-MM-DD.",
                $"'{text}' is not a unit reference: the date after @ must be written YYYY-MM-DD.");
            return false;
        }

        var code = text[..at].Trim();
        if (code.Length == 0)
        {
            error = Language.Pick($"'{text}' không phải là tham chiếu đơn vị: cần mã đơn vị trước @.",
                $"'{text}' is not a unit reference: a unit code is required before @.");
            return false;
        }
        reference = new OrgUnitReference(code, date);
        return true;
    }
}
