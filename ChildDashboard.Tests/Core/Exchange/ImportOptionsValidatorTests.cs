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
}
