namespace ChildDashboard.Core.Analytics;

// One stored value as the analytics read it.
public readonly record struct StoredValue(int ElementId, int UnitId, string Period, string OptionCode, double Value);
