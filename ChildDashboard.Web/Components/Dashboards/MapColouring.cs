namespace ChildDashboard.Web.Components.Dashboards;

// What colours the provinces of the map: their status against their own target, or their value.
public enum MapColouring
{
    Status,
    Value,
}
