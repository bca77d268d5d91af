using Microsoft.Extensions.Options;

namespace ChildDashboard.Core.Exchange;

// An import body is held in memory while it is checked, so the limit has a ceiling as well as a floor.
// The value ceilings stay below 2^53, where every whole number is still exact as a double.
public sealed class ImportOptionsValidator : IValidateOptions<ImportOptions>
{
    public const long Ceiling = 512L * 1024 * 1024;
    public const long UncompressedCeiling = 2L * 1024 * 1024 * 1024;
    public const long ExactCeiling = 1L << 53;
    public const int MaxOpenFutureYears = 50;

    public ValidateOptionsResult Validate(string? name, ImportOptions options)
    {
        var failures = new List<string>();
        if (options.MaxFileBytes is not (> 0 and <= Ceiling))
            failures.Add($"Import:MaxFileBytes must be between 1 and {Ceiling} (512 MB), not {options.MaxFileBytes}.");
        if (options.MaxUncompressedBytes is not (> 0 and <= UncompressedCeiling))
            failures.Add($"Import:MaxUncompressedBytes must be between 1 and {UncompressedCeiling} (2 GB), not {options.MaxUncompressedBytes}.");
        if (options.MaxCount is not (> 0 and <= ExactCeiling))
            failures.Add($"Import:MaxCount must be between 1 and {ExactCeiling} (2^53), not {options.MaxCount}.");
        if (options.MaxMoney is not (> 0 and <= ExactCeiling))
            failures.Add($"Import:MaxMoney must be between 1 and {ExactCeiling} (2^53), not {options.MaxMoney}.");
        if (options.OpenFutureYears is not (>= 0 and <= MaxOpenFutureYears))
            failures.Add($"Import:OpenFutureYears must be between 0 and {MaxOpenFutureYears}, not {options.OpenFutureYears}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
