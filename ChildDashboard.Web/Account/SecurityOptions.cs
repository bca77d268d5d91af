namespace ChildDashboard.Web.Account;

// Bound from the `Security` configuration section (`Security__InitialAdminPassword`).
public sealed class SecurityOptions
{
    public string? InitialAdminPassword { get; set; }

    // `Security__RequireTwoFactorForAdmins`: an administrator without two-factor sign-in is sent to
    // set it up before any administration page opens.
    public bool RequireTwoFactorForAdmins { get; set; } = true;
}
