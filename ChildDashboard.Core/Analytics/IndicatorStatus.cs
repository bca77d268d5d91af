namespace ChildDashboard.Core.Analytics;

public enum IndicatorStatus
{
    NoData,
    NoTarget,
    Achieved,
    OnTrack,
    AtRisk,
    OffTrack,
}
