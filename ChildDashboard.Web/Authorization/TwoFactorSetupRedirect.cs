using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace ChildDashboard.Web.Authorization;

// An administrator refused a page only for want of two-factor sign-in is sent to set it up, and
// back afterwards; every other answer is the default one (sign-in page, access denied, API problem).
public sealed class TwoFactorSetupRedirect : IAuthorizationMiddlewareResultHandler
{
    public const string SetupPath = "/account/two-factor";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Forbidden && result.AuthorizationFailure?.FailedRequirements.Any(r => r is TwoFactorRequirement) == true)
        {
            context.Response.Redirect(SetupUrl(context.Request.Path + context.Request.QueryString));
            return Task.CompletedTask;
        }
        return _default.HandleAsync(next, context, policy, result);
    }

    public static string SetupUrl(string returnUrl) => $"{SetupPath}?returnUrl={Uri.EscapeDataString(returnUrl)}";
}
