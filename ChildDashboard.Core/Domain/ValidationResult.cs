namespace ChildDashboard.Core.Domain;

public sealed record ValidationResult(ValidationRule Rule, double Left, double Right, bool Holds);
