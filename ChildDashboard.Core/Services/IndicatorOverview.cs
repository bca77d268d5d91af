using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Services;

public sealed record IndicatorOverview(
    string Code, string NameVi, string NameEn, string UnitVi, string UnitEn, Direction Direction,
    int Decimals, double? Value, double? Target, int? TargetYear, IndicatorStatus Status);
