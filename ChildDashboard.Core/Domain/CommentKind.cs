namespace ChildDashboard.Core.Domain;

public enum CommentKind
{
    // A remark on a value by anyone who may read it.
    Note,
    // An approver's question on one value of a returned form: shown beside the cell until the
    // form is submitted again.
    Return,
    // Why an indicator is behind its target.
    Behind,
    // What the unit will do about it.
    Plan,
}
