using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;

namespace ChildDashboard.Web.Components.Shared;

// The <option>s of a native select as one string, the chosen one marked (so the page reads right
// before the circuit starts too). An option written as an element is three render-tree frames per
// open page and render buffer; the province list alone was a hundred. Equal lists are one shared
// string for every page that shows them (issue #10).
public static class SelectOptions
{
    private const int MaxShared = 2000;

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly ConcurrentDictionary<string, MarkupString> Shared = new();

    public static MarkupString Of(IEnumerable<(string Value, string Text)> options, string? selected)
    {
        var html = new StringBuilder();
        foreach (var (value, text) in options)
        {
            html.Append("<option value=\"").Append(Html.Encode(value)).Append('"');
            if (value == selected)
                html.Append(" selected");
            html.Append('>').Append(Html.Encode(text)).Append("</option>");
        }
        // The lists are few (units of a date, years, periods of a year, programmes, by language and
        // choice); a bound keeps an odd caller from growing the table without end.
        if (Shared.Count > MaxShared)
            Shared.Clear();
        return Shared.GetOrAdd(html.ToString(), markup => new MarkupString(markup));
    }
}
