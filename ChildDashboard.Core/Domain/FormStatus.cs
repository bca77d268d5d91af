namespace ChildDashboard.Core.Domain;

public enum FormStatus
{
    Draft,
    Submitted,
    Approved,
}
