using System.Globalization;

namespace ChildDashboard.Core.Exchange;

// Messages that reach users from Core (import conflicts, validation) in their language:
// Vietnamese by default, English when the request's UI culture is English.
internal static class Text
{
    public static string Pick(string vietnamese, string english) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? english : vietnamese;
}
