using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace ChildDashboard.Core.Notifications;

// Tells open pages what a committed write changed, so dashboards update instead of polling. The
// publisher never waits for subscribers: each subscription drains its own queue on the thread
// pool, one change set at a time and in order, and a subscriber that throws is logged and keeps
// its subscription, without touching the write or the other subscribers.
public sealed class DataChangeNotifier(ILogger<DataChangeNotifier> logger)
{
    private ImmutableArray<Subscription> _subscriptions = [];

    public int SubscriberCount => _subscriptions.Length;

    public IDisposable Subscribe(Func<ChangeSet, Task> handler)
    {
        var subscription = new Subscription(this, handler);
        ImmutableInterlocked.Update(ref _subscriptions, list => list.Add(subscription));
        return subscription;
    }

    public void Publish(ChangeSet changes)
    {
        foreach (var subscription in _subscriptions)
            subscription.Post(changes);
    }

    private void LogFailure(Exception e, ChangeSet changes) =>
        logger.LogError(e, "A subscriber failed on the change set of {ChangedBy} at {ChangedAt}.", changes.ChangedBy, changes.ChangedAtUtc);

    private void Remove(Subscription subscription) =>
        ImmutableInterlocked.Update(ref _subscriptions, list => list.Remove(subscription));

    private sealed class Subscription(DataChangeNotifier owner, Func<ChangeSet, Task> handler) : IDisposable
    {
        private readonly ConcurrentQueue<ChangeSet> _queue = new();
        private int _draining;
        private volatile bool _disposed;

        public void Post(ChangeSet changes)
        {
            if (_disposed)
                return;
            _queue.Enqueue(changes);
            if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
                _ = Task.Run(DrainAsync);
        }

        private async Task DrainAsync()
        {
            while (true)
            {
                while (!_disposed && _queue.TryDequeue(out var changes))
                {
                    try
                    {
                        await handler(changes);
                    }
                    catch (Exception e)
                    {
                        owner.LogFailure(e, changes);
                    }
                }
                Volatile.Write(ref _draining, 0);
                // A change set posted after the last dequeue but before the flag was cleared.
                if (_disposed || _queue.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
                    return;
            }
        }

        public void Dispose()
        {
            _disposed = true;
            _queue.Clear();
            owner.Remove(this);
        }
    }
}
