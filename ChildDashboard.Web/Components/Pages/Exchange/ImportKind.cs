namespace ChildDashboard.Web.Components.Pages.Exchange;

public enum ImportKind
{
    Values,
    Targets,
}
