using ChildDashboard.Core.Domain;

namespace ChildDashboard.Web.Api;

public sealed record MetadataValidationRule(
    string Code, string Left, string Operator, string Right, ValidationSeverity Severity, string? MessageVi, string MessageEn);
