using ChildDashboard.Core.Notifications;

namespace ChildDashboard.Core.Services;

public sealed record NationalOverview(int UnitId, string Period, bool IsDemoData, IReadOnlyList<ProgrammeOverview> Programmes)
{
    // Every indicator of the nation is shown, so any change to the unit and period moves a figure.
    public bool IsTouchedBy(ChangeSet changes) =>
        changes.TouchesUnit(UnitId) && changes.TouchesPeriod(Domain.Period.Parse(Period));
}
