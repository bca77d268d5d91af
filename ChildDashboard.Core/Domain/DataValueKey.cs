namespace ChildDashboard.Core.Domain;

// What identifies a stored value: data element, unit, period code and disaggregation option.
public readonly record struct DataValueKey(int ElementId, int UnitId, string Period, string Option);
