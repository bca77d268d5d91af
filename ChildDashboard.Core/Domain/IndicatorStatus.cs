namespace ChildDashboard.Core.Domain;

public enum IndicatorStatus
{
    NoData,
    NoTarget,
    Achieved,
    OnTrack,
    AtRisk,
    OffTrack,
}
