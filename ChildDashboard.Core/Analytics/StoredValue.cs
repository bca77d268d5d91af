using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Analytics;

// One stored value as the analytics read it; a null Value in a change means it was deleted.
public readonly record struct StoredValue(int ElementId, int UnitId, Period Period, string OptionCode, double? Value);
