using Microsoft.Extensions.Logging;
using Npgsql;

namespace ChildDashboard.Core.Persistence;

// LISTEN/NOTIFY on one channel. Sending goes through a pooled connection; listening holds a
// connection of its own, with keepalives so that a dead link is noticed, and reconnects with a
// growing pause after a failure.
public sealed class PostgresChangeFeed(string connectionString, ILogger<PostgresChangeFeed> logger) : IChangeFeedTransport, IAsyncDisposable
{
    public const string Channel = "childdashboard_changes";

    private readonly NpgsqlDataSource _sending = NpgsqlDataSource.Create(connectionString);

    public async Task SendAsync(string message, CancellationToken ct)
    {
        await using var command = _sending.CreateCommand("SELECT pg_notify(@channel, @message)");
        command.Parameters.AddWithValue("channel", Channel);
        command.Parameters.AddWithValue("message", message);
        await command.ExecuteNonQueryAsync(ct);
    }

    public ValueTask DisposeAsync() => _sending.DisposeAsync();

    public async Task ListenAsync(Func<string, Task> onMessage, Func<Task> onReconnected, CancellationToken ct)
    {
        var pause = TimeSpan.FromSeconds(1);
        var connectedBefore = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 10, Pooling = false };
                await using var connection = new NpgsqlConnection(builder.ToString());
                await connection.OpenAsync(ct);
                var received = new Queue<string>();
                connection.Notification += (_, e) => received.Enqueue(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(ct);
                if (connectedBefore)
                    await onReconnected();
                connectedBefore = true;
                pause = TimeSpan.FromSeconds(1);
                logger.LogInformation("Listening for other servers' changes on {Channel}.", Channel);
                while (true)
                {
                    await connection.WaitAsync(ct);
                    while (received.TryDequeue(out var payload))
                        await onMessage(payload);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
            {
                logger.LogWarning(e, "Lost the change feed connection; trying again in {Pause}.", pause);
                await Task.Delay(pause, ct);
                pause = TimeSpan.FromSeconds(Math.Min(pause.TotalSeconds * 2, 30));
            }
        }
    }
}
