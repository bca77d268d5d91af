using System.Globalization;

namespace ChildDashboard.Web.Localization;

// Numbers and dates in the user's culture (vi-VN: 1.234,5 and 25/05/2026).
public static class Format
{
    public static string Number(double? value, int decimals) =>
        value is { } v ? v.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture) : "—";

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);
}
