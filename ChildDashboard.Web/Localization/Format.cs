using System.Globalization;

namespace ChildDashboard.Web.Localization;

// Numbers and dates in the user's culture (vi-VN: 1.234,5 and 25/05/2026).
public static class Format
{
    public static string Number(double? value, int decimals) =>
        value is { } v ? v.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture) : "—";

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    // A moment as the user's clock shows it: 14:05 02/12/2026 (vi-VN).
    public static string DateTime(DateTimeOffset moment) =>
        moment.ToString("t", CultureInfo.CurrentCulture) + " " + moment.ToString("d", CultureInfo.CurrentCulture);
}
