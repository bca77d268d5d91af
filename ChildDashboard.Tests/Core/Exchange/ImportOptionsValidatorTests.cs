using ChildDashboard.Core.Exchange;

namespace ChildDashboard.Tests.Core.Exchange;

public class ImportOptionsValidatorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(20 * 1024 * 1024)]
    [InlineData(ImportOptionsValidator.Ceiling)]
    public void ALimitUpToTheCeilingIsAllowed(long bytes) =>
        Assert.True(new ImportOptionsValidator().Validate(null, new ImportOptions { MaxFileBytes = bytes }).Succeeded);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(ImportOptionsValidator.Ceiling + 1)]
    public void ANonPositiveOrHugeLimitIsRefusedByName(long bytes)
    {
        var result = new ImportOptionsValidator().Validate(null, new ImportOptions { MaxFileBytes = bytes });

        Assert.True(result.Failed);
        Assert.StartsWith("Import:MaxFileBytes must be between 1 and ", Assert.Single(result.Failures ?? []));
    }

    [Fact]
    public void TheDefaultsAreValidAndDocumented()
    {
        var defaults = new ImportOptions();

        Assert.True(new ImportOptionsValidator().Validate(null, defaults).Succeeded);
        Assert.Equal(1_000_000_000, defaults.MaxCount);
        Assert.Equal(1_000_000_000_000_000, defaults.MaxMoney);
        Assert.Equal(1, defaults.OpenFutureYears);
    }

    [Fact]
    public void EveryWrongValueIsNamed()
    {
        var result = new ImportOptionsValidator().Validate(null, new ImportOptions { MaxCount = 0, MaxMoney = ImportOptionsValidator.ExactCeiling + 1, OpenFutureYears = 51 });

        Assert.Equal(3, result.Failures?.Count());
    }
}
