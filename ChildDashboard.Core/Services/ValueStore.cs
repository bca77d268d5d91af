using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Persistence;
using Microsoft.Extensions.Logging;

namespace ChildDashboard.Core.Services;

// The in-memory copy of all stored values that the analytics read. It is loaded once (on first
// use) and then kept current by the write services, which apply each committed change, and by the
// change feed, which applies what other app servers committed: dashboards never wait for a
// rebuild, unlike DHIS2's analytics tables. With a snapshot file, a start copies the table saved
// last time, catches up from the audit trail, answers, and then (ValueSnapshotFile.ReReadAfter
// later) re-reads the database in the background to replace it (so that even a change made behind
// the app's back does not last).
public sealed class ValueStore(ValueTableLoader loader, ILogger<ValueStore> logger, ValueSnapshotFile? snapshot = null) : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly CancellationTokenSource _disposing = new();
    private readonly object _pendingGate = new();
    // Changes that arrive while a table is being read: replayed on it once it is read. They carry
    // absolute values, so replaying one the read already saw is harmless.
    private List<Action<ValueTable>>? _pending;
    private ValueTable? _table;

    public bool IsLoaded => _table is not null;

    // Held by every writer of values (imports, form saves) from its first read to its Apply, so
    // that the table receives the changes in the order they were committed.
    public SemaphoreSlim WriteLock { get; } = new(1, 1);

    public async Task<T> ReadAsync<T>(Func<ValueTable, T> read, CancellationToken ct = default)
    {
        var table = _table ?? await LoadAsync(reload: false, ct);
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

    // Called after a transaction commits.
    public void Apply(IReadOnlyCollection<StoredValue> changes) => Change(table =>
    {
        foreach (var change in changes)
            table.Apply(change);
    });

    // What another app server changed, re-read from the database: every option of each element,
    // unit and period is replaced by what was read (nothing read: the value was deleted).
    public void Replace(
        IReadOnlyCollection<int> elementIds, IReadOnlyCollection<int> unitIds, IReadOnlyCollection<Period> periods,
        IReadOnlyCollection<StoredValue> values) => Change(table =>
    {
        foreach (var elementId in elementIds)
        {
            foreach (var unitId in unitIds)
            {
                foreach (var period in periods)
                    table.RemoveAll(elementId, unitId, period);
            }
        }
        foreach (var value in values)
            table.Apply(value);
    });

    public async Task WarmUpAsync(CancellationToken ct = default)
    {
        if (_table is null)
            await LoadAsync(reload: false, ct);
    }

    // Changes may have been missed (a lost connection to the other servers): read everything again.
    public Task ReloadAsync(CancellationToken ct) => LoadAsync(reload: true, ct);

    private void Change(Action<ValueTable> change)
    {
        ValueTable? table;
        lock (_pendingGate)
        {
            _pending?.Add(change);
            table = _table;
        }
        if (table is null)
            return;
        _lock.EnterWriteLock();
        try
        {
            change(table);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private async Task<ValueTable> LoadAsync(bool reload, CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        ValueTable table;
        var fromSnapshot = false;
        try
        {
            if (!reload && _table is { } loaded)
                return loaded;
            lock (_pendingGate)
                _pending = [];

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                var saved = reload ? null : await FromSnapshotAsync(ct);
                fromSnapshot = saved is not null;
                table = saved ?? await FromDatabaseAsync(ct);
            }
            catch
            {
                lock (_pendingGate)
                    _pending = null;
                throw;
            }
            _lock.EnterWriteLock();
            try
            {
                lock (_pendingGate)
                {
                    foreach (var change in _pending)
                        change(table);
                    _pending = null;
                    _table = table;
                }
            }
            finally
            {
                _lock.ExitWriteLock();
            }
            logger.LogInformation("Analytics loaded {Count} values from the {Source} in {Elapsed:F0} ms.",
                table.Count, fromSnapshot ? "snapshot" : "database", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            _loading.Release();
        }
        if (fromSnapshot)
            _ = Task.Run(() => VerifyAsync(snapshot!.ReReadAfter), CancellationToken.None);
        return table;
    }

    private async Task<ValueTable?> FromSnapshotAsync(CancellationToken ct)
    {
        if (snapshot is null)
            return null;
        var saved = await Task.Run(snapshot.TryRead, ct);
        if (saved is not { } file)
            return null;
        var caughtUp = await loader.CatchUpAsync(file.Stamp, ct);
        if (caughtUp is not { } update)
        {
            logger.LogInformation("The analytics snapshot {Path} does not describe this database; reading the database.", snapshot.Path);
            return null;
        }
        foreach (var change in update.Changes)
            file.Table.Apply(change);
        return file.Table;
    }

    private async Task<ValueTable> FromDatabaseAsync(CancellationToken ct)
    {
        var (table, stamp) = await loader.LoadAsync(ct);
        if (snapshot is not null)
        {
            try
            {
                snapshot.Write(table, stamp);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(e, "The analytics snapshot {Path} could not be written; the next start reads the database.", snapshot.Path);
            }
        }
        return table;
    }

    private async Task VerifyAsync(TimeSpan after)
    {
        try
        {
            await Task.Delay(after, _disposing.Token);
            await ReloadAsync(_disposing.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException && _disposing.IsCancellationRequested)
        {
            // The app is stopping.
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Re-reading the analytics values after a start from the snapshot failed; the snapshot's values stay in use.");
        }
    }

    public void Dispose()
    {
        _disposing.Cancel();
        _disposing.Dispose();
        _lock.Dispose();
        _loading.Dispose();
        WriteLock.Dispose();
    }
}
