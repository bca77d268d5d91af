namespace ChildDashboard.Core.Persistence;

// Bound from the `Seed` configuration section (`Seed__DemoData`).
public sealed class SeedOptions
{
    public bool DemoData { get; set; }
}
