using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Persistence;

// The model of AppDbContext on PostgreSQL. A type of its own so that each provider has its own
// migrations (Migrations/Postgres); everything else asks for AppDbContext.
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
