namespace ChildDashboard.Core.Services.Dashboards;

// One accepted write (an import, a saved form) as the "what changed" panel shows it: who, when,
// why, and the figures that moved inside the reader's unit (the first few, and how many in all).
public sealed record RecentChange(
    long BatchId, string ChangedBy, DateTime ChangedAtUtc, string Reason,
    IReadOnlyList<MovedFigure> Figures, int FigureCount)
{
    // Whether a status change came from this write: the same user at the same moment (the batch
    // and the change set take one clock reading; a database may keep it to the microsecond).
    public bool Caused(StatusChange change) =>
        change.ChangedBy == ChangedBy && Math.Abs((change.ChangedAtUtc.UtcDateTime - DateTime.SpecifyKind(ChangedAtUtc, DateTimeKind.Utc)).TotalMilliseconds) < 1;
}

public sealed record MovedFigure(string ElementCode, string ElementNameVi, string ElementNameEn, string UnitNameVi, string UnitNameEn,
    string Period, string OptionCode, double? OldValue, double? NewValue, string? Comment = null);
