using ChildDashboard.Core.Domain;

namespace ChildDashboard.Tests.Core.Domain;

public class OrgUnitReferenceTests
{
    [Fact]
    public void ReadsABareCode()
    {
        Assert.True(OrgUnitReference.TryParse("15", out var reference, out _));
        Assert.Equal(new OrgUnitReference("15", null), reference);
    }

    [Fact]
    public void ReadsACodeAtADate()
    {
        Assert.True(OrgUnitReference.TryParse("15@2024-01-01", out var reference, out _));
        Assert.Equal(new OrgUnitReference("15", new DateOnly(2024, 1, 1)), reference);
        Assert.Equal("15@2024-01-01", reference.ToString());
    }

    [Theory]
    [InlineData("15@2024-13-01")]
    [InlineData("15@01/01/2024")]
    [InlineData("15@")]
    [InlineData("@2024-01-01")]
    [InlineData("")]
    public void RejectsMalformedReferences(string text)
    {
        Assert.False(OrgUnitReference.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
