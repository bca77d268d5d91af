namespace ChildDashboard.Core.Domain;

public enum ElementValueType
{
    Count,
    Money,
}
