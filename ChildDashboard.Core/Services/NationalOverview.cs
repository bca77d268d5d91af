using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Services;

public sealed record NationalOverview(string Period, bool IsDemoData, IReadOnlyList<ProgrammeOverview> Programmes);

public sealed record ProgrammeOverview(
    string Code, string NameVi, string NameEn, string Decision, int StartYear, int? EndYear,
    IReadOnlyList<IndicatorOverview> Indicators);

public sealed record IndicatorOverview(
    string Code, string NameVi, string NameEn, string UnitVi, string UnitEn, Direction Direction,
    int Decimals, double? Value, double? Target, int? TargetYear, IndicatorStatus Status);
