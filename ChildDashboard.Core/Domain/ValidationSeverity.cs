namespace ChildDashboard.Core.Domain;

public enum ValidationSeverity
{
    Warning,
    Error,
}
