using System.Collections.Concurrent;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChildDashboard.Tests.Core.Notifications;

public class DataChangeNotifierTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ListLogger<DataChangeNotifier> _log = new();

    private static ChangeSet Changes(string by) => ChangeSet.ForTargets([1], [1], by, DateTimeOffset.UnixEpoch);

    // 498 ordinary subscribers, one that throws and one that does not finish until released.
    private sealed class Crowd
    {
        public const int Size = 500;
        public readonly TaskCompletionSource Release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource AllOrdinaryReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public volatile bool SlowStarted;
        public volatile bool SlowFinished;
        public int Throws;
        private int _received;

        public Crowd(DataChangeNotifier notifier)
        {
            notifier.Subscribe(async _ =>
            {
                SlowStarted = true;
                await Task.WhenAny(Release.Task, Task.Delay(TimeSpan.FromSeconds(5)));
                SlowFinished = true;
            });
            notifier.Subscribe(_ =>
            {
                Interlocked.Increment(ref Throws);
                throw new InvalidOperationException("A page failed.");
            });
            for (var i = 0; i < Size - 2; i++)
            {
                notifier.Subscribe(_ =>
                {
                    if (Interlocked.Increment(ref _received) == Size - 2)
                        AllOrdinaryReceived.TrySetResult();
                    return Task.CompletedTask;
                });
            }
        }
    }

    [Fact]
    public async Task PublishingDoesNotWaitForSlowOrFailingSubscribers()
    {
        var notifier = new DataChangeNotifier(_log);
        var crowd = new Crowd(notifier);

        notifier.Publish(Changes("analyst"));

        Assert.False(crowd.SlowFinished);
        await crowd.AllOrdinaryReceived.Task.WaitAsync(Patience);
        Assert.False(crowd.SlowFinished);
        await WaitUntilAsync(() => !_log.Entries.IsEmpty);
        var (level, message, exception) = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Error, level);
        Assert.Contains("analyst", message);
        Assert.IsType<InvalidOperationException>(exception);
        crowd.Release.SetResult();
    }

    [Fact]
    public async Task AnImportAnswersWhileSubscribersAreStillBusy()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var store = new ValueStore(new ValueTableLoader(database), NullLogger<ValueStore>.Instance);
        var notifier = new DataChangeNotifier(_log);
        var crowd = new Crowd(notifier);
        var imports = new DataValueImportService(
            new SqliteDataValueWriter(database), new CatalogueCache(database), store, notifier, database.Time, NullLogger<DataValueImportService>.Instance);
        var (rows, _) = DataValueCsv.Read(new StringReader("dataelement,period,orgunit,categoryoptioncombo,value\nHEART_SURGERY,2025Q3,15,MALE,4\n"));

        var report = await imports.ImportAsync(rows, new ImportContext("analyst", null, DryRun: false));

        Assert.Equal(ImportReport.Success, report.Status);
        Assert.False(crowd.SlowFinished);
        await crowd.AllOrdinaryReceived.Task.WaitAsync(Patience);
        await WaitUntilAsync(() => crowd.SlowStarted && crowd.Throws == 1);
        crowd.Release.SetResult();
    }

    [Fact]
    public async Task ASubscriberReceivesChangeSetsInOrderAndKeepsItsSubscriptionAfterAFailure()
    {
        var notifier = new DataChangeNotifier(_log);
        var received = new ConcurrentQueue<string>();
        notifier.Subscribe(async changes =>
        {
            await Task.Yield();
            received.Enqueue(changes.ChangedBy);
            if (changes.ChangedBy == "2")
                throw new InvalidOperationException("fails once");
        });

        foreach (var by in Enumerable.Range(1, 50).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            notifier.Publish(Changes(by));

        await WaitUntilAsync(() => received.Count == 50);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), received);
        Assert.Single(_log.Entries);
    }

    [Fact]
    public async Task ADisposedSubscriptionReceivesNothingMore()
    {
        var notifier = new DataChangeNotifier(_log);
        var first = 0;
        var second = 0;
        var subscription = notifier.Subscribe(_ =>
        {
            Interlocked.Increment(ref first);
            return Task.CompletedTask;
        });
        notifier.Subscribe(_ =>
        {
            Interlocked.Increment(ref second);
            return Task.CompletedTask;
        });

        subscription.Dispose();
        notifier.Publish(Changes("analyst"));

        await WaitUntilAsync(() => second == 1);
        Assert.Equal(0, first);
        Assert.Equal(1, notifier.SubscriberCount);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < Patience, "The condition did not come true.");
            await Task.Delay(5);
        }
    }
}
