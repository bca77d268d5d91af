using ChildDashboard.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildDashboard.Core.Persistence.Configurations;

internal sealed class TargetAuditConfiguration : IEntityTypeConfiguration<TargetAudit>
{
    public void Configure(EntityTypeBuilder<TargetAudit> audit)
    {
        // The history of one target.
        audit.HasIndex(a => new { a.IndicatorId, a.OrgUnitId, a.TargetYear });
        audit.HasOne(a => a.Batch).WithMany().HasForeignKey(a => a.BatchId);
    }
}
