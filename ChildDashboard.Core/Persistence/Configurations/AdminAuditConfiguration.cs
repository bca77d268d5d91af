using ChildDashboard.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildDashboard.Core.Persistence.Configurations;

internal sealed class AdminAuditConfiguration : IEntityTypeConfiguration<AdminAudit>
{
    public void Configure(EntityTypeBuilder<AdminAudit> audit)
    {
        audit.Property(a => a.Actor).HasMaxLength(256);
        audit.Property(a => a.Action).HasConversion<string>().HasMaxLength(32);
        audit.Property(a => a.Target).HasMaxLength(300);
        audit.Property(a => a.OldValue).HasMaxLength(2000);
        audit.Property(a => a.NewValue).HasMaxLength(2000);
        // The log is read newest first, whole or for one province.
        audit.HasIndex(a => a.AtUtc);
        audit.HasIndex(a => a.TargetOrgUnitId);
    }
}
