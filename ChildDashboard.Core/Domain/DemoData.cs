namespace ChildDashboard.Core.Domain;

// The synthetic demo data set signs its values and forms with this name, which is how the app
// knows to show the demo banner.
public static class DemoData
{
    public const string UserName = "demo";
}
