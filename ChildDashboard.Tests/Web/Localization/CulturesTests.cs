using ChildDashboard.Web.Localization;

namespace ChildDashboard.Tests.Web.Localization;

public class CulturesTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/account/login?returnUrl=%2F", "/account/login?returnUrl=%2F")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/\r\n/evil.example", "/")]
    [InlineData("relative", "/")]
    public void RedirectsOnlyToPathsOnThisSite(string? url, string expected)
    {
        Assert.Equal(expected, Cultures.SafeLocalUrl(url));
    }
}
