namespace ChildDashboard.Core.Identity;

// One signed-in browser: the sign-in cookie names its row, and the cookie works only while the row
// exists, so that a user can end the session of a lost phone from another device. Stored in the
// database because several app servers may share one (PostgreSQL).
public class UserSession
{
    // 128 random bits, base64url: the cookie's reference, never shown in full.
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public string? UserAgent { get; set; }
    public string? Address { get; set; }
    public DateTime SignedInAtUtc { get; set; }
    public DateTime LastSeenAtUtc { get; set; }
}
