using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChildDashboard.Core.Persistence;

internal static class ContextTransaction
{
    // A context with its connection open and a transaction begun, handed to `start`; the context
    // is disposed again if any of that fails.
    public static async Task<T> BeginAsync<T>(
        IDbContextFactory<AppDbContext> factory, Func<AppDbContext, IDbContextTransaction, T> start, CancellationToken ct)
    {
        var db = await factory.CreateDbContextAsync(ct);
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            return start(db, await db.Database.BeginTransactionAsync(ct));
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
