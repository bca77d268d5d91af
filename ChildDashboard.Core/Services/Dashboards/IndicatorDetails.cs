using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Services.Dashboards;

// Everything the indicator page shows for one unit: the definition, the figure of the period,
// every year's figure (Years, oldest first; the current year to date last), the target chain that
// applies (its own or its nearest ancestor's, ChainOwner), the forecast (§8) and the figures by sex.
public sealed record IndicatorDetails(
    Indicator Indicator, Programme? Programme, OrgUnit Unit, Period Period, bool IsDemoData,
    IReadOnlyList<ExpressionPart> Numerator, IReadOnlyList<ExpressionPart> Denominator,
    IndicatorFigure Current, IReadOnlyList<IndicatorFigure> Years,
    IReadOnlyList<Target> Chain, OrgUnit? ChainOwner, Forecast? Forecast,
    IReadOnlyList<SexFigure> BySex, MergerHistory Merger, IReadOnlyList<int> ElementIds)
{
    public bool HasTarget => Chain.Count > 0;
}

// A data element of the numerator or denominator, and the option it is restricted to, if any.
public sealed record ExpressionPart(DataElement Element, string? Option);

// The indicator for one sex: numerator and denominator both restricted to that option.
public sealed record SexFigure(string Option, string NameVi, string NameEn, double? Value, double? Numerator, double? Denominator);

// How the unit's series crosses the 2025 merger (domain.md §1): the units whose values it sums
// before the unit opened, or the unit that absorbed it.
public sealed record MergerHistory(DateOnly MergerDate, IReadOnlyList<OrgUnit> Predecessors, OrgUnit? Successor, int ProvincesBefore, int ProvincesAfter);
