using ChildDashboard.Core.Services;

namespace ChildDashboard.Web.Components.Pages.Entry;

public enum CellSaveState
{
    Idle,
    Saving,
    Saved,
    Error,
    Conflict,
}

// What one cell of the entry form shows: the text as typed, what is stored, and how its last save went.
public sealed class CellState(FormCellView view)
{
    public FormCellView View { get; set; } = view;
    public string Text { get; set; } = "";
    public string? Comment { get; set; } = view.Current.Comment;
    public CellSaveState State { get; set; }
    public string? Error { get; set; }
    // Another person's value, when a save was refused because they saved first.
    public CellValue? Theirs { get; set; }
    public double? Pending { get; set; }

    // Typed but not stored: leaving the page would lose it.
    public bool IsUnsaved => State is CellSaveState.Saving or CellSaveState.Error or CellSaveState.Conflict;
}
