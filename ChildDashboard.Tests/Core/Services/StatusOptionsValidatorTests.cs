using ChildDashboard.Core.Services;
using ChildDashboard.Core.Analytics;

namespace ChildDashboard.Tests.Core.Services;

public class StatusOptionsValidatorTests
{
    private static readonly StatusOptionsValidator Validator = new();

    [Fact]
    public void TheDefaultMarginsAreValid() =>
        Assert.True(Validator.Validate(null, new StatusOptions()).Succeeded);

    [Theory]
    [InlineData(2, 0.25, 0.9, "Status:OnTrackMargin must be between 0 and 1, not 2.")]
    [InlineData(-0.1, 0.25, 0.9, "Status:OnTrackMargin must be between 0 and 1, not -0.1.")]
    [InlineData(double.NaN, 0.25, 0.9, "Status:OnTrackMargin must be between 0 and 1, not NaN.")]
    [InlineData(0.1, 1.5, 0.9, "Status:AtRiskMargin must be between 0 and 1, not 1.5.")]
    [InlineData(0.3, 0.2, 0.9, "Status:AtRiskMargin (0.2) must be at least Status:OnTrackMargin (0.3).")]
    [InlineData(0.1, 0.25, 0, "Status:NoBaselineAtRisk must be above 0 and at most 1, not 0.")]
    [InlineData(0.1, 0.25, 1.01, "Status:NoBaselineAtRisk must be above 0 and at most 1, not 1.01.")]
    public void AWrongMarginIsRefusedByName(double onTrack, double atRisk, double noBaseline, string message)
    {
        var result = Validator.Validate(null, new StatusOptions { OnTrackMargin = onTrack, AtRiskMargin = atRisk, NoBaselineAtRisk = noBaseline });

        Assert.True(result.Failed);
        Assert.Equal([message], result.Failures);
    }

    [Fact]
    public void EqualMarginsAndTheBoundsThemselvesAreAllowed() =>
        Assert.True(Validator.Validate(null, new StatusOptions { OnTrackMargin = 0, AtRiskMargin = 0, NoBaselineAtRisk = 1 }).Succeeded);
}
