using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using Microsoft.AspNetCore.Authorization;

namespace ChildDashboard.Web.Api;

// The API's role rules as named policies on the Api scheme: an endpoint says what it needs, and a
// refusal is the scheme's 403 problem, which names what was missing.
public static class ApiPolicies
{
    public const string WriteData = "Api.WriteData";
    public const string WriteTargets = "Api.WriteTargets";

    public static AuthorizationBuilder AddApiPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(WriteData, policy => policy
            .AddAuthenticationSchemes(ApiAuthenticationHandler.SchemeName)
            .RequireRole(Roles.Admin, Roles.Analyst, Roles.DataEntry))
        .AddPolicy(WriteTargets, policy => policy
            .AddAuthenticationSchemes(ApiAuthenticationHandler.SchemeName)
            .RequireRole(Roles.Admin, Roles.Analyst));

    public static string ForbiddenDetail(Endpoint? endpoint)
    {
        var policies = endpoint?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList() ?? [];
        if (policies.Contains(WriteTargets))
            return Language.Pick("Chỉ quản trị viên và chuyên viên phân tích được đặt chỉ tiêu.", "Only administrators and analysts may set targets.");
        if (policies.Contains(WriteData))
            return Language.Pick("Vai trò của bạn được đọc nhưng không được ghi dữ liệu.", "Your role may read data but not write it.");
        return Language.Pick("Vai trò của bạn không cho phép yêu cầu này.", "Your role does not allow this request.");
    }
}
