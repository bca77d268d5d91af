using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Persistence;

// One import's transaction. Disposing it without CommitAsync rolls everything back.
public interface IDataValueWriteSession : IAsyncDisposable
{
    // Every value stored for these units in exactly this period.
    Task<IReadOnlyList<(DataValueKey Key, StoredDataValue Value)>> ReadValuesAsync(
        string period, IReadOnlySet<int> unitIds, CancellationToken ct);

    // The (unit, period) of every approved form among these form periods.
    Task<IReadOnlySet<(int UnitId, string Period)>> ReadApprovedFormsAsync(IReadOnlyCollection<string> formPeriods, CancellationToken ct);

    // Writes the changes and one audit row each, under one audit batch (who, when, why).
    Task WriteAsync(IReadOnlyList<DataValueChange> changes, string changedBy, string reason, DateTime utcNow, CancellationToken ct);

    Task CommitAsync(CancellationToken ct);
}
