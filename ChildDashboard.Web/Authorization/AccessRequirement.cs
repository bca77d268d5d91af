using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using Microsoft.AspNetCore.Authorization;

namespace ChildDashboard.Web.Authorization;

// One of UserAccess's rules as an ASP.NET Core requirement. Checked against a unit when the caller
// passes one as the resource, else against the user's own scope unit (what a page or an endpoint
// without a unit needs: "may this user enter data at all?").
public sealed class AccessRequirement(string name, Func<UserAccess, OrgUnit, bool> rule) : IAuthorizationRequirement
{
    public string Name { get; } = name;

    public bool IsMet(UserAccess access, OrgUnit unit) => rule(access, unit);

    public override string ToString() => Name;
}
