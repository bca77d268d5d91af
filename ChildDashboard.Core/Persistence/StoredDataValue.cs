namespace ChildDashboard.Core.Persistence;

// A value as stored, read by an import to compare with what it brings.
public sealed record StoredDataValue(long Id, double Value, string? Comment);
