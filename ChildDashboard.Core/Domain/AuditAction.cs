namespace ChildDashboard.Core.Domain;

public enum AuditAction
{
    Create,
    Update,
    Delete,
}
