namespace ChildDashboard.Core.Persistence;

// SQLite: the app is the only server, so there is nobody to tell.
public sealed class SingleServerChangeFeed : IChangeFeedTransport
{
    public Task SendAsync(string message, CancellationToken ct) => Task.CompletedTask;

    public Task ListenAsync(Func<string, Task> onMessage, Func<Task> onReconnected, CancellationToken ct) =>
        Task.Delay(Timeout.Infinite, ct);
}
