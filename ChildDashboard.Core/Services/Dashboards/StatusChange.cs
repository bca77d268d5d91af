using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Services.Dashboards;

// An indicator of a unit's dashboard for a period whose status moved with a change (a write of
// values, or of targets): who made the change and when, as the change set says.
public sealed record StatusChange(
    int UnitId, Period Period, Indicator Indicator, IndicatorStatus From, IndicatorStatus To, string ChangedBy, DateTimeOffset ChangedAtUtc);
