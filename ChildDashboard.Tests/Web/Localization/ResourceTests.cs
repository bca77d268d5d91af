using System.Xml.Linq;

namespace ChildDashboard.Tests.Web.Localization;

public class ResourceTests
{
    private static readonly string Folder = Path.Combine(RepoRoot.Path, "ChildDashboard.Web", "Resources", "Localization");

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Fact]
    public void EveryVietnameseStringHasAnEnglishTranslation()
    {
        var vietnamese = Read("SharedResource.resx");
        var english = Read("SharedResource.en.resx");

        Assert.Equal(vietnamese.Keys.Order(), english.Keys.Order());
        Assert.All(english, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
        Assert.All(vietnamese, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
    }

    [Fact]
    public void EveryKeyUsedInAComponentExists()
    {
        var keys = Read("SharedResource.resx").Keys.ToHashSet();
        var components = Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, "ChildDashboard.Web", "Components"), "*.razor", SearchOption.AllDirectories);

        var missing = components
            .SelectMany(file => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), @"L\[""(\w+)""[\],]")
                .Select(m => (File: Path.GetFileName(file), Key: m.Groups[1].Value)))
            .Where(use => !keys.Contains(use.Key))
            .ToList();

        Assert.Empty(missing);
    }
}
