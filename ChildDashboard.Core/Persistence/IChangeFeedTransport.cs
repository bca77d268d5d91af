namespace ChildDashboard.Core.Persistence;

// Carries change sets between the app servers that share one database: none to carry on the
// embedded SQLite (one server), LISTEN/NOTIFY on PostgreSQL.
public interface IChangeFeedTransport
{
    Task SendAsync(string message, CancellationToken ct);

    // Hands over the other servers' messages until stopped. After a lost connection it reconnects
    // and calls onReconnected: messages sent meanwhile were missed.
    Task ListenAsync(Func<string, Task> onMessage, Func<Task> onReconnected, CancellationToken ct);
}
