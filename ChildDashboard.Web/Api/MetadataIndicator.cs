using ChildDashboard.Core.Domain;

namespace ChildDashboard.Web.Api;

public sealed record MetadataIndicator(
    string Code, string? Programme, string NameVi, string NameEn, string Numerator, string Denominator,
    double Factor, Direction Direction, string UnitVi, string UnitEn, int Decimals, bool Annualized);
