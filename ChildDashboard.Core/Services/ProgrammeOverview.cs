namespace ChildDashboard.Core.Services;

public sealed record ProgrammeOverview(
    string Code, string NameVi, string NameEn, string Decision, int StartYear, int? EndYear,
    IReadOnlyList<IndicatorOverview> Indicators);
