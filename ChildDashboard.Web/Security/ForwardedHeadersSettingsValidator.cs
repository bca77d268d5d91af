using System.Net;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Web.Security;

// A proxy address that does not parse would silently leave every client behind one address (and
// the sign-in throttle with them), so it stops the app at start, naming the key.
public sealed class ForwardedHeadersSettingsValidator : IValidateOptions<ForwardedHeadersSettings>
{
    public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings settings)
    {
        var failures = new List<string>();
        foreach (var proxy in ForwardedHeadersSettings.Split(settings.KnownProxies).Where(p => !IPAddress.TryParse(p, out _)))
            failures.Add($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address.");
        foreach (var network in ForwardedHeadersSettings.Split(settings.KnownNetworks).Where(n => !IPNetwork.TryParse(n, out _)))
            failures.Add($"ForwardedHeaders:KnownNetworks: '{network}' is not a network in CIDR form (10.0.0.0/8).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
