using System.Globalization;

namespace ChildDashboard.Core.Domain;

// The one place that decides the language of what users read (pages, import conflicts, API
// problems): English when the UI culture is English, Vietnamese for every other culture.
public static class Language
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static bool IsVietnamese => !IsEnglish;

    public static string Pick(string vietnamese, string english) => IsEnglish ? english : vietnamese;
}
