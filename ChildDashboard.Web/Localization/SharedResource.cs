namespace ChildDashboard.Web.Localization;

// Marker for the shared string resources (Resources/Localization.SharedResource*.resx).
public sealed class SharedResource;
