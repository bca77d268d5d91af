using System.Globalization;
using System.Text;

namespace ChildDashboard.Web.Components.Dashboards;

// Text as a search compares it: lower case, without Vietnamese diacritics ("Phẫu thuật" → "phau thuat").
public static class SearchText
{
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
