using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Exchange.Reports;

// A report to the ministry filled in: the figures of every row of MinistryReportLayout for the
// unit and the period it covers, the completeness per quarter and the narrative the unit wrote.
public sealed record MinistryReportModel(
    OrgUnit Unit, Period Covers, bool Annual, DateOnly Deadline, bool Partial, bool DemoData, DateTimeOffset GeneratedAt,
    IReadOnlyDictionary<string, Programme> Programmes,
    IReadOnlyDictionary<string, SummaryLine> Indicators,
    IReadOnlyDictionary<string, ElementFigures> Elements,
    IReadOnlyList<QuarterCompleteness> Completeness,
    NarrativeText? Narrative,
    IReadOnlyList<ProvinceReportLine>? Provinces);

// A data element's value for the period (the sum of its options), by sex where it has that
// disaggregation, and for the same period a year earlier.
public sealed record ElementFigures(DataElement Element, double? Total, double? Male, double? Female, double? LastYear);

public sealed record QuarterCompleteness(Period Quarter, int Forms, int Submitted, int Approved, int OnTime, int Expected, int Entered)
{
    public double? Completeness => Expected == 0 ? null : (double)Entered / Expected;
}

public sealed record NarrativeText(string Text, string UpdatedBy, DateTimeOffset UpdatedAt);

// The national roll-up's annex: each province's completeness and whether it wrote its narrative.
public sealed record ProvinceReportLine(OrgUnit Province, int Expected, int Entered, int Submitted, int Approved, int Forms, DateTimeOffset? NarrativeUpdatedAt)
{
    public double? Completeness => Expected == 0 ? null : (double)Entered / Expected;
}
