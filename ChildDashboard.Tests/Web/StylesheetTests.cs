using System.Text.RegularExpressions;

namespace ChildDashboard.Tests.Web;

// A brace left open in the stylesheet silently moves every later rule into the block above it
// (a merge once left `@media print` open, and the entry form lost its styles on screen).
public class StylesheetTests
{
    [Fact]
    public void EveryBlockOfTheStylesheetIsClosedWhereItOpened()
    {
        var css = Regex.Replace(File.ReadAllText(Path.Combine(RepoRoot.Path, "wwwroot-assets", "app.css")), @"/\*.*?\*/", "", RegexOptions.Singleline);
        var depth = 0;
        var line = 1;
        foreach (var ch in css)
        {
            if (ch == '\n')
                line++;
            else if (ch == '{')
                depth++;
            else if (ch == '}')
                Assert.True(--depth >= 0, $"A closing brace without an opening one at line {line} (comments removed).");
        }
        Assert.True(depth == 0, $"{depth} block(s) left open at the end of app.css.");
    }

    [Fact]
    public void OnlyPrintRulesAreInsideThePrintBlock()
    {
        var css = File.ReadAllText(Path.Combine(RepoRoot.Path, "wwwroot-assets", "app.css"));
        var start = css.IndexOf("@media print", StringComparison.Ordinal);
        Assert.True(start >= 0);
        var depth = 0;
        var end = start;
        for (var i = css.IndexOf('{', start); i < css.Length; i++)
        {
            depth += css[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                end = i;
                break;
            }
        }
        Assert.DoesNotContain(".entry-table", css[start..end], StringComparison.Ordinal);
    }
}
