using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChildDashboard.Core.Services;

// Keeps several app servers on one database live together: a change set committed here goes to
// the others; one committed elsewhere is re-read from the database into this server's analytics
// (only the places it names) and then published to the pages open here.
public sealed class ChangeFeedRelay(
    IChangeFeedTransport transport, DataChangeNotifier notifier, ValueStore store, ValueTableLoader loader,
    CatalogueCache catalogues, TimeProvider time, ILogger<ChangeFeedRelay> logger) : BackgroundService
{
    // Tells this server's own messages apart when they come back.
    public string ServerId { get; } = Guid.NewGuid().ToString("N")[..12];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = notifier.Subscribe(changes => changes.Origin is null ? SendAsync(changes, stoppingToken) : Task.CompletedTask);
        await transport.ListenAsync(ReceiveAsync, ReconnectedAsync, stoppingToken);
    }

    private async Task SendAsync(ChangeSet changes, CancellationToken ct)
    {
        var catalogue = await catalogues.GetAsync();
        await transport.SendAsync(ChangeSetMessage.Write(changes, ServerId, catalogue.Units), ct);
    }

    internal async Task ReceiveAsync(string text)
    {
        if (ChangeSetMessage.Read(text) is not { } message)
        {
            logger.LogWarning("Ignored an unreadable change feed message.");
            return;
        }
        if (message.Origin == ServerId)
            return;
        try
        {
            if (message.Kind == ChangeKind.Targets)
                catalogues.Invalidate();
            var catalogue = await catalogues.GetAsync();
            var changes = message.ToChangeSet(catalogue.Units);
            if (message.Kind == ChangeKind.Values)
                await ReReadAsync(changes);
            else if (message.Kind == ChangeKind.Everything)
                await store.ReloadAsync(CancellationToken.None);
            notifier.Publish(changes);
        }
        catch (Exception e)
        {
            // This server's figures may now lag behind: read them all again.
            logger.LogError(e, "Could not apply a change from server {Origin}; reloading.", message.Origin);
            await ReconnectedAsync();
        }
    }

    // The message's units to read are the change set's changed units.
    private async Task ReReadAsync(ChangeSet changes)
    {
        var values = await loader.ReadAsync(changes.DataElementIds, changes.ChangedOrgUnitIds, changes.Periods, CancellationToken.None);
        store.Replace(changes.DataElementIds, changes.ChangedOrgUnitIds, changes.Periods, values);
    }

    private async Task ReconnectedAsync()
    {
        await store.ReloadAsync(CancellationToken.None);
        notifier.Publish(ChangeSet.Everything("", time.GetUtcNow()) with { Origin = ServerId });
    }
}
