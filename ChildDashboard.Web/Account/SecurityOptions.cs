namespace ChildDashboard.Web.Account;

// Bound from the `Security` configuration section (`Security__InitialAdminPassword`).
public sealed class SecurityOptions
{
    public string? InitialAdminPassword { get; set; }
}
