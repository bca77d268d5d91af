using ChildDashboard.Web.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace ChildDashboard.Web.Api;

// The access policies (AccessPolicies) on the Api scheme: an endpoint says what it needs, and a
// refusal is the scheme's 403 problem, which names what was missing.
public static class ApiPolicies
{
    private const string Prefix = "Api.";

    public static readonly string Read = ForApi(AccessPolicies.Read);
    public static readonly string WriteData = ForApi(AccessPolicies.ImportData);
    public static readonly string WriteTargets = ForApi(AccessPolicies.ManageTargets);

    public static string ForApi(string accessPolicy) => Prefix + accessPolicy;

    // The strictest policy the endpoint asked for decides the message (the group's Read comes first).
    public static string ForbiddenDetail(Endpoint? endpoint)
    {
        var policy = endpoint?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => a.Policy).LastOrDefault(p => p is not null && p.StartsWith(Prefix, StringComparison.Ordinal));
        return AccessPolicies.DeniedDetail(policy?[Prefix.Length..]);
    }
}
