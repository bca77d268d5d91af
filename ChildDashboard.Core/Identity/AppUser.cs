using Microsoft.AspNetCore.Identity;

namespace ChildDashboard.Core.Identity;

public class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }
    // The unit whose data the user may see and change: VN for national users, or a province.
    public int ScopeOrgUnitId { get; set; }
    public string? PreferredCulture { get; set; }
}
