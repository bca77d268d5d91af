namespace ChildDashboard.Core.Domain;

// A rule between data elements of the same unit and period: `left operator right` (domain.md §7).
public class ValidationRule
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Left { get; set; }
    public required string Operator { get; set; }
    public required string Right { get; set; }
    public ValidationSeverity Severity { get; set; }
    public required string MessageEn { get; set; }
    public string? MessageVi { get; set; }
}
