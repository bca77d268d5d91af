using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Persistence;

// Hands out PostgreSQL contexts to everything that asks for an AppDbContext factory.
public sealed class PostgresContextFactory(IDbContextFactory<PostgresAppDbContext> inner) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
