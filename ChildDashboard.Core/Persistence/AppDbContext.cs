using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Persistence;

// The SQLite context (the embedded default); PostgresAppDbContext is the same model on PostgreSQL,
// with its own migrations.
public class AppDbContext : IdentityDbContext<AppUser>
{
    public AppDbContext(DbContextOptions<AppDbContext> options) : base(options)
    {
    }

    protected AppDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<DataElement> DataElements => Set<DataElement>();
    public DbSet<DisaggregationOption> DisaggregationOptions => Set<DisaggregationOption>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<DataValue> DataValues => Set<DataValue>();
    public DbSet<DataValueAudit> DataValueAudits => Set<DataValueAudit>();
    public DbSet<AuditBatch> AuditBatches => Set<AuditBatch>();
    public DbSet<TargetAudit> TargetAudits => Set<TargetAudit>();
    public DbSet<ReportForm> ReportForms => Set<ReportForm>();
    public DbSet<ReportNarrative> ReportNarratives => Set<ReportNarrative>();
    public DbSet<FormEvent> FormEvents => Set<FormEvent>();
    public DbSet<Remark> Remarks => Set<Remark>();
    public DbSet<FormNotification> FormNotifications => Set<FormNotification>();
    public DbSet<ValidationRule> ValidationRules => Set<ValidationRule>();
    public DbSet<CatalogueFile> CatalogueFiles => Set<CatalogueFile>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AdminAudit> AdminAudits => Set<AdminAudit>();
    public DbSet<SystemSetting> SystemSettings => Set<SystemSetting>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(16);
    }
}
