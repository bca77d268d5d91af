using ChildDashboard.Web.Circuits;

namespace ChildDashboard.Web.Api;

// The HTTP API of exchange.md §4 under /api/v1, signed in by token or Basic (never by the cookie,
// so that a page cannot post on a user's behalf).
public static class ApiEndpoints
{
    public static void MapApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1")
            .RequireAuthorization(ApiPolicies.Read)
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapDataValueSets();
        api.MapAnalytics();
        api.MapTargets();
        api.MapTemplates();
        api.MapReports();
        api.MapMetadata();
        api.MapCompleteness();
        api.MapServerDiagnostics();
    }
}
