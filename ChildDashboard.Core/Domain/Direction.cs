namespace ChildDashboard.Core.Domain;

public enum Direction
{
    Up,
    Down,
}
