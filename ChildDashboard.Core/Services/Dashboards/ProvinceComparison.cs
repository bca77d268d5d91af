using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Services.Dashboards;

public enum RankingOrder
{
    Rank,
    Value,
    Progress,
    Status,
    Name,
}

// One indicator across the provinces of a period (63 before 1 July 2025, 34 from it; those open on
// UnitsOn), each against its own target, with the nation as the reference row. Rank: by value,
// the best first in the indicator's direction; equal values share a rank; no value, no rank.
public sealed record ProvinceComparison(Indicator Indicator, Period Period, DateOnly UnitsOn, IndicatorFigure National, IReadOnlyList<ProvinceFigure> Provinces)
{
    public IReadOnlyDictionary<IndicatorStatus, int> StatusCounts { get; } = Enum.GetValues<IndicatorStatus>()
        .ToDictionary(s => s, s => Provinces.Count(p => p.Figure.Status == s));

    // Provinces without a value always come last, whichever way the column is sorted.
    public IReadOnlyList<ProvinceFigure> Sorted(RankingOrder order, bool descending)
    {
        var known = Provinces.Where(p => Key(p, order) is not null);
        var unknown = Provinces.Where(p => Key(p, order) is null).OrderBy(p => p.Unit.Code, StringComparer.Ordinal);
        // Names in the reader's language and alphabet (Vietnamese: "Đ" after "D").
        var names = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true);
        var sorted = order == RankingOrder.Name
            ? (descending ? known.OrderByDescending(p => p.Unit.Name(Language.IsVietnamese), names) : known.OrderBy(p => p.Unit.Name(Language.IsVietnamese), names))
            : descending ? known.OrderByDescending(p => Key(p, order)) : known.OrderBy(p => Key(p, order));
        return sorted.ThenBy(p => p.Unit.Code, StringComparer.Ordinal).Concat(unknown).ToList();
    }

    private static double? Key(ProvinceFigure p, RankingOrder order) => order switch
    {
        RankingOrder.Rank => p.Rank,
        RankingOrder.Value => p.Figure.Value,
        RankingOrder.Progress => p.Figure.Progress,
        RankingOrder.Status => StatusRank(p.Figure.Status),
        _ => 0,
    };

    // Best first: achieved, on track, at risk, off track; no target and no data are not ranked.
    public static double? StatusRank(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Achieved => 1,
        IndicatorStatus.OnTrack => 2,
        IndicatorStatus.AtRisk => 3,
        IndicatorStatus.OffTrack => 4,
        _ => null,
    };

    public static IReadOnlyList<ProvinceFigure> Ranked(Direction direction, IEnumerable<(OrgUnit Unit, IndicatorFigure Figure)> figures)
    {
        var list = figures.ToList();
        var values = list.Where(f => f.Figure.Value is not null).Select(f => f.Figure.Value.GetValueOrDefault()).ToList();
        int? RankOf(double? value) => value is not { } v ? null
            : 1 + values.Count(other => direction == Direction.Up ? other > v : other < v);
        return list.Select(f => new ProvinceFigure(f.Unit, f.Figure, RankOf(f.Figure.Value))).ToList();
    }
}

public sealed record ProvinceFigure(OrgUnit Unit, IndicatorFigure Figure, int? Rank);
