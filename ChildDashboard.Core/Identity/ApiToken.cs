namespace ChildDashboard.Core.Identity;

// A personal access token for the HTTP API. Only its SHA-256 hash is stored; the token itself is
// shown once, when it is created.
public class ApiToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string Hash { get; set; }
    // The first characters of the token, so that a user can tell their tokens apart.
    public required string Prefix { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public DateTime? LastUsedAtUtc { get; set; }

    public bool IsActive(DateTime nowUtc) => RevokedAtUtc is null && nowUtc < ExpiresAtUtc;
}
