using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Exchange.Reports;

// The analyst summary of a unit for a period, as the workbook shows it: every figure an answer of
// the analytics (one row per indicator), the ranking of the provinces (national scope only), the
// yearly trend and the completeness of the forms behind it.
public sealed record SummaryModel(
    OrgUnit Unit, Period Period, bool Partial, bool DemoData, DateTimeOffset GeneratedAt,
    IReadOnlyList<Programme> Programmes,
    IReadOnlyList<SummaryLine> Lines,
    IReadOnlyList<RankingLine>? Ranking,
    IReadOnlyList<int> TrendYears,
    IReadOnlyList<CompletenessLine> Completeness);

public sealed record SummaryLine(
    Indicator Indicator, double? Value, double? Numerator, double? Denominator,
    double? Baseline, int? BaselineYear, double? Target, int? TargetYear, double? Progress, double? Expected,
    IndicatorStatus Status, IReadOnlyList<double?> Trend);

// One province's statuses for the period; Share = (achieved + on track) ÷ indicators with a
// target and a value (null when it has none), the order of the ranking.
public sealed record RankingLine(int Rank, OrgUnit Province, IReadOnlyDictionary<IndicatorStatus, int> Counts, double? Share)
{
    public int Assessed => Counts.Where(c => c.Key is not (IndicatorStatus.NoData or IndicatorStatus.NoTarget)).Sum(c => c.Value);
}

// One province's form for one quarter (domain.md §5), or the total of a set of forms (Unit null).
public sealed record CompletenessLine(
    OrgUnit? Unit, Period? Quarter, int Expected, int Entered, FormStatus? Status, DateOnly? Deadline, DateOnly? SubmittedOn, bool? OnTime, int? DaysOverdue)
{
    public double? Completeness => Expected == 0 ? null : (double)Entered / Expected;
}
