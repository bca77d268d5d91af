namespace ChildDashboard.Core.Domain;

// A step of a form's workflow (domain.md §5).
public enum FormAction
{
    Submit,
    Approve,
    Return,
    Reopen,
}
