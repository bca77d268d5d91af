using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Persistence;

// One change an import writes, with its audit: Old is null for a create, NewValue for a delete.
// FileStoredBy is a `storedby` of the file that differs from the importing user (kept in the audit).
public sealed record DataValueChange(
    DataValueKey Key, Period Period, AuditAction Action, StoredDataValue? Old, double? NewValue, string? Comment, string? FileStoredBy);
