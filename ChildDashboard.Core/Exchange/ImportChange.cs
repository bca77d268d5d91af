using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Exchange;

// One change an import makes (or a dry run would make): what, where, old → new. Names are in the
// importing user's language, for the preview; Item, Option, OrgUnit and Period are the key.
// Notes: a value's comment, or a target's baseline and source.
public sealed record ImportChange(
    int Row, AuditAction Action, string Item, string ItemName, string? Option, string OrgUnit, string OrgUnitName, string Period,
    double? Old, double? New, string? OldNote, string? NewNote)
{
    public (string, string?, string, string) Key => (Item, Option, OrgUnit, Period);

    // What a commit compares with its preview: the same action from the same old to the same new.
    public bool SameAs(ImportChange other) =>
        Action == other.Action && Old == other.Old && New == other.New && OldNote == other.OldNote && NewNote == other.NewNote;
}
