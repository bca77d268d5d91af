namespace ChildDashboard.Core.Services.Dashboards;

// One accepted write (an import, a saved form) as the "what changed" panel shows it: who, when,
// why, and the figures that moved inside the reader's unit (the first few, and how many in all).
public sealed record RecentChange(
    long BatchId, string ChangedBy, DateTime ChangedAtUtc, string Reason,
    IReadOnlyList<MovedFigure> Figures, int FigureCount);

public sealed record MovedFigure(string ElementCode, string ElementNameVi, string ElementNameEn, string UnitNameVi, string UnitNameEn,
    string Period, string OptionCode, double? OldValue, double? NewValue);
