using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChildDashboard.Core.Persistence;

// Runs a short write transaction again when the database says it lost a race, so that users
// never see "database is locked": SQLite's busy and locked answers (a WAL snapshot that another
// writer moved on), PostgreSQL's serialization failures and deadlocks, and EF Core's concurrency
// checks (a row changed or inserted by another server between the read and the write). The work
// reads again on each attempt and decides afresh (a conflict it then sees is the caller's to report).
public static class WriteRetry
{
    public const int MaxAttempts = 8;

    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work(ct);
            }
            catch (Exception e) when (attempt < MaxAttempts && IsTransient(e))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt)), ct);
            }
        }
    }

    public static bool IsTransient(Exception e) => e switch
    {
        DbUpdateConcurrencyException => true,
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 || sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode == 2067,
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
            or PostgresErrorCodes.UniqueViolation,
        DbUpdateException { InnerException: { } inner } => IsTransient(inner),
        _ => e.InnerException is { } cause && IsTransient(cause),
    };
}
