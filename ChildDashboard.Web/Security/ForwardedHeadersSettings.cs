namespace ChildDashboard.Web.Security;

// Bound from the `ForwardedHeaders` section: the TLS proxies whose X-Forwarded-For and
// X-Forwarded-Proto are believed, besides the loopback addresses that are always believed.
// Comma-separated: `ForwardedHeaders__KnownProxies=10.0.0.5`, `ForwardedHeaders__KnownNetworks=10.0.0.0/24`.
public sealed class ForwardedHeadersSettings
{
    public string? KnownProxies { get; set; }
    public string? KnownNetworks { get; set; }

    public static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
