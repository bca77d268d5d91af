using Microsoft.Extensions.Options;

namespace ChildDashboard.Web.Account;

public sealed class SignInThrottleOptionsValidator : IValidateOptions<SignInThrottleOptions>
{
    public ValidateOptionsResult Validate(string? name, SignInThrottleOptions options)
    {
        var failures = new List<string>();
        if (options.Window <= TimeSpan.Zero || options.Window > TimeSpan.FromDays(1))
            failures.Add($"SignIn:Window must be longer than 0 and at most a day (hh:mm:ss), not {options.Window}.");
        foreach (var (key, value) in new[] { ("PerAccountAndAddress", options.PerAccountAndAddress), ("PerAddress", options.PerAddress), ("PerAccount", options.PerAccount) })
        {
            if (value is < 1 or > 100_000)
                failures.Add($"SignIn:{key} must be between 1 and 100000, not {value}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
