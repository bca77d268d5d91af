namespace ChildDashboard.Core.Notifications;

public enum ChangeKind
{
    Values,
    Targets,
    Everything,
}
