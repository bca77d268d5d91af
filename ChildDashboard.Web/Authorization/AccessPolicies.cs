using ChildDashboard.Core.Domain;
using ChildDashboard.Web.Api;
using Microsoft.AspNetCore.Authorization;

namespace ChildDashboard.Web.Authorization;

// The named policies of the whole app, each one UserAccess rule. Pages use them in
// [Authorize(Policy = …)] and AuthorizeView, code in IAuthorizationService.AuthorizeAsync(user,
// unit, policy), the API with the same names under its own scheme (ApiPolicies).
public static class AccessPolicies
{
    public const string Read = "Access.Read";
    public const string EnterData = "Access.EnterData";
    public const string ImportData = "Access.ImportData";
    public const string Approve = "Access.Approve";
    public const string ManageTargets = "Access.ManageTargets";
    public const string Export = "Access.Export";
    public const string Administer = "Access.Administer";
    public const string AdministerSystem = "Access.AdministerSystem";
    // Besides Administer on every administration page (Admin/_Imports.razor): TwoFactorRequirement.
    public const string TwoFactorEnrolled = "Access.TwoFactorEnrolled";

    public static readonly IReadOnlyDictionary<string, AccessRequirement> Requirements = new[]
    {
        new AccessRequirement(Read, (a, u) => a.CanRead(u)),
        new AccessRequirement(EnterData, (a, u) => a.CanEnterData(u)),
        new AccessRequirement(ImportData, (a, u) => a.CanImportData(u)),
        new AccessRequirement(Approve, (a, u) => a.CanApprove(u)),
        new AccessRequirement(ManageTargets, (a, u) => a.CanManageTargets(u)),
        new AccessRequirement(Export, (a, u) => a.CanExport(u)),
        new AccessRequirement(Administer, (a, u) => a.CanAdminister(u)),
        new AccessRequirement(AdministerSystem, (a, _) => a.CanAdministerSystem),
    }.ToDictionary(r => r.Name);

    public static AuthorizationBuilder AddAccessPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var (name, requirement) in Requirements)
        {
            authorization.AddPolicy(name, policy => policy.RequireAuthenticatedUser().AddRequirements(requirement));
            authorization.AddPolicy(ApiPolicies.ForApi(name), policy => policy
                .AddAuthenticationSchemes(ApiAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .AddRequirements(requirement));
        }
        authorization.AddPolicy(TwoFactorEnrolled, policy => policy.RequireAuthenticatedUser().AddRequirements(new TwoFactorRequirement()));
        return authorization;
    }

    // What a refusal says, in the caller's language.
    public static string DeniedDetail(string? policy) => policy switch
    {
        ManageTargets => Language.Pick("Chỉ quản trị viên và chuyên viên phân tích được đặt chỉ tiêu.", "Only administrators and analysts may set targets."),
        ImportData => Language.Pick("Vai trò của bạn được đọc nhưng không được ghi dữ liệu.", "Your role may read data but not write it."),
        EnterData => Language.Pick("Chỉ cán bộ nhập liệu và quản trị viên được nhập dữ liệu.", "Only data-entry staff and administrators may enter data."),
        Approve => Language.Pick("Chỉ lãnh đạo và quản trị viên được duyệt biểu mẫu.", "Only leaders and administrators may approve forms."),
        Administer => Language.Pick("Chỉ quản trị viên được quản trị, trong phạm vi đơn vị của mình.", "Only administrators may administer, within their own unit."),
        AdministerSystem => Language.Pick("Chỉ quản trị viên cấp quốc gia được thay đổi thiết lập hệ thống.", "Only national administrators may change system settings."),
        _ => Language.Pick("Tài khoản của bạn không có quyền đọc dữ liệu này.", "Your account may not read this data."),
    };
}
