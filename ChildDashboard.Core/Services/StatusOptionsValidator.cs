using System.Globalization;
using ChildDashboard.Core.Analytics;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Core.Services;

// Margins outside these bounds would make every status meaningless without any error, so a wrong
// setting (say Status__OnTrackMargin=10 meant as 10 %) stops the app at start, naming the key.
public sealed class StatusOptionsValidator : IValidateOptions<StatusOptions>
{
    public ValidateOptionsResult Validate(string? name, StatusOptions options)
    {
        static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
        var failures = new List<string>();
        var onTrackInRange = options.OnTrackMargin is >= 0 and <= 1;
        if (!onTrackInRange)
            failures.Add($"Status:OnTrackMargin must be between 0 and 1, not {Text(options.OnTrackMargin)}.");
        if (options.AtRiskMargin is not (>= 0 and <= 1))
            failures.Add($"Status:AtRiskMargin must be between 0 and 1, not {Text(options.AtRiskMargin)}.");
        else if (onTrackInRange && options.AtRiskMargin < options.OnTrackMargin)
            failures.Add($"Status:AtRiskMargin ({Text(options.AtRiskMargin)}) must be at least Status:OnTrackMargin ({Text(options.OnTrackMargin)}).");
        if (options.NoBaselineAtRisk is not (> 0 and <= 1))
            failures.Add($"Status:NoBaselineAtRisk must be above 0 and at most 1, not {Text(options.NoBaselineAtRisk)}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
