namespace ChildDashboard.Core.Domain;

public sealed record ExpressionTerm(string ElementCode, string? OptionCode);
