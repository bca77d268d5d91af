using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Services;

// The version of a stored value as a form read it: the row and its update count. A value deleted
// and entered again is a new row, so an old token never matches it.
public readonly record struct ValueToken(long Id, int Version);

// What is stored in one cell (nothing: Value null, Token null), who stored it and when.
public sealed record CellValue(double? Value, string? Comment, ValueToken? Token, string? StoredBy, DateTime? AtUtc)
{
    public static readonly CellValue Empty = new(null, null, null, null, null);
}

// One cell of an open form: what it expects, what is stored, and the same value a quarter and a
// year earlier (for the unit's territory then: a merged province sees its predecessors' sum).
public sealed record FormCellView(FormCell Cell, CellValue Current, double? Previous, double? LastYear)
{
    public string Key => CellKey(Cell.Element.Id, Cell.Option);

    public static string CellKey(int elementId, string option) => $"{elementId}.{option}";
}

// The elements of one programme in the form (elements no indicator uses: Programme null).
public sealed record FormGroup(Programme? Programme, IReadOnlyList<DataElement> Elements);

public sealed record FormView(
    OrgUnit Unit,
    Period Quarter,
    FormStatus Status,
    ReportForm? Form,
    IReadOnlyList<FormGroup> Groups,
    IReadOnlyDictionary<string, FormCellView> Cells,
    IReadOnlyList<FormMessage> Messages,
    IReadOnlyList<Remark> Remarks,
    IReadOnlyList<FormEvent> History,
    DateOnly Deadline,
    bool CanEdit,
    bool CanSubmit,
    bool CanApprove)
{
    public bool IsEditable => Status == FormStatus.Draft && CanEdit;

    public IEnumerable<FormCellView> CellsOf(DataElement element) =>
        Cells.Values.Where(c => c.Cell.Element.Id == element.Id);
}

// A message beside one or more cells: a per-cell check, a validation rule or an unusual value.
public sealed record FormMessage(ValidationSeverity Severity, string Code, string Text, IReadOnlyList<string> CellKeys)
{
    public const string OutlierCode = "OUTLIER";
}

// Saving one cell: the form (unit, quarter), the cell, the token the user's copy was read at, the
// new value (null deletes it) and an optional comment.
public sealed record ValueSave(int UnitId, string Quarter, int ElementId, string Option, ValueToken? Expected, double? Value, string? Comment);

public enum SaveOutcome
{
    Saved,
    Unchanged,
    // Someone else saved the cell since the user read it: Current holds their value.
    Conflict,
    // The form is submitted or approved.
    Locked,
    Forbidden,
    Invalid,
}

public sealed record SaveResult(SaveOutcome Outcome, CellValue Current, string? Message)
{
    public bool Succeeded => Outcome is SaveOutcome.Saved or SaveOutcome.Unchanged;
}
