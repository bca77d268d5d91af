using ChildDashboard.Web.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Web.Authorization;

public sealed class TwoFactorHandler(IOptions<SecurityOptions> options) : AuthorizationHandler<TwoFactorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && !TwoFactorRequirement.MustEnrol(context.User, options.Value))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
