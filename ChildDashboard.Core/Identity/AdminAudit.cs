namespace ChildDashboard.Core.Identity;

// One change an administrator made (users, roles, scopes, tokens, settings, targets, catalogue):
// who, when, what, to what, and the value before and after. Never updated or deleted.
public class AdminAudit
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Actor { get; set; }
    public AdminAction Action { get; set; }
    // What was changed, as a person reads it: a user name, a token's name and owner, a setting's key.
    public required string Target { get; set; }
    // The unit the target belongs to (a user's scope unit), so that a province administrator sees
    // the changes within their province; null for system-wide changes.
    public int? TargetOrgUnitId { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}

public enum AdminAction
{
    UserCreated,
    UserDisabled,
    UserEnabled,
    PasswordReset,
    RoleChanged,
    ScopeChanged,
    TokenRevoked,
    TargetCreated,
    TargetChanged,
    TargetDeleted,
    CatalogueChanged,
    CatalogueRetired,
    CatalogueRestored,
    UnitRenamed,
    SettingChanged,
}
