using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Persistence;
using Microsoft.Extensions.Logging;

namespace ChildDashboard.Core.Services;

// The in-memory copy of all stored values that the analytics read. It is loaded once (on first
// use) and then kept current by the write services, which apply each committed change: dashboards
// never wait for a rebuild, unlike DHIS2's analytics tables.
public sealed class ValueStore(ValueTableLoader loader, ILogger<ValueStore> logger) : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly object _pendingGate = new();
    private List<StoredValue>? _pending;
    private ValueTable? _table;

    // Whether the values are in memory yet (the readiness probe waits for it).
    public bool IsLoaded => _table is not null;

    public async Task<T> ReadAsync<T>(Func<ValueTable, T> read, CancellationToken ct = default)
    {
        var table = _table ?? await LoadAsync(ct);
        _lock.EnterReadLock();
        try
        {
            return read(table);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    // Called after a transaction commits. Changes carry absolute values, so one that reaches a
    // table still being loaded can be replayed safely once the load is done.
    public void Apply(IReadOnlyCollection<StoredValue> changes)
    {
        lock (_pendingGate)
        {
            if (_table is null)
            {
                _pending?.AddRange(changes);
                return;
            }
        }
        _lock.EnterWriteLock();
        try
        {
            foreach (var change in changes)
                _table.Apply(change);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public async Task WarmUpAsync(CancellationToken ct = default)
    {
        if (_table is null)
            await LoadAsync(ct);
    }

    private async Task<ValueTable> LoadAsync(CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            if (_table is { } loaded)
                return loaded;
            lock (_pendingGate)
                _pending = [];

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var table = await loader.LoadAsync(ct);
            lock (_pendingGate)
            {
                foreach (var change in _pending)
                    table.Apply(change);
                _pending = null;
                _table = table;
            }
            logger.LogInformation("Analytics loaded {Count} values in {Elapsed:F0} ms.",
                table.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return table;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose()
    {
        _lock.Dispose();
        _loading.Dispose();
    }
}
