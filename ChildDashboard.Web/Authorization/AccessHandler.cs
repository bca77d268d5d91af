using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Services;
using ChildDashboard.Web.Account;
using Microsoft.AspNetCore.Authorization;

namespace ChildDashboard.Web.Authorization;

// Decides every AccessRequirement with the caller's UserAccess (CurrentUser): the same rule for
// pages, circuits, services and the API. A principal without a known scope unit never succeeds.
public sealed class AccessHandler(CatalogueCache catalogues) : AuthorizationHandler<AccessRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AccessRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
            return;
        var access = CurrentUser.Access(context.User, await catalogues.GetAsync());
        if (access is null)
            return;
        var unit = context.Resource as OrgUnit ?? access.Scope;
        if (requirement.IsMet(access, unit))
            context.Succeed(requirement);
    }
}
