using ChildDashboard.Core.Services.Dashboards;

namespace ChildDashboard.Web.Components.Dashboards;

// A live update hands every row a new DashboardRow (and the page a new list of years); a row whose
// figures, trend and forecast did not move keeps what it rendered, and so do its child
// components: with a thousand open pages, one write re-renders a few rows per page, not all.
public partial class IndicatorRow
{
    private (DashboardRow Row, bool Changed, IReadOnlyList<int> Years, string Href)? _rendered;

    protected override bool ShouldRender() =>
        _rendered is not { } shown || shown.Changed != Changed || shown.Href != Href || !shown.Years.SequenceEqual(Years) || !ShowsTheSame(shown.Row, Row);

    protected override void OnAfterRender(bool firstRender) => _rendered = (Row, Changed, Years, Href);

    private static bool ShowsTheSame(DashboardRow shown, DashboardRow next) =>
        ReferenceEquals(shown, next)
        || (next with { Trend = shown.Trend, ElementIds = shown.ElementIds }) == shown
            && next.Trend.SequenceEqual(shown.Trend) && next.ElementIds.SequenceEqual(shown.ElementIds);
}
