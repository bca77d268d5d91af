using Microsoft.Extensions.Options;

namespace ChildDashboard.Core.Exchange;

// An import body is held in memory while it is checked, so the limit has a ceiling as well as a floor.
public sealed class ImportOptionsValidator : IValidateOptions<ImportOptions>
{
    public const long Ceiling = 512L * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, ImportOptions options) =>
        options.MaxFileBytes is > 0 and <= Ceiling
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Import:MaxFileBytes must be between 1 and {Ceiling} (512 MB), not {options.MaxFileBytes}.");
}
