using ChildDashboard.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildDashboard.Core.Persistence.Configurations;

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> target)
    {
        target.HasIndex(t => new { t.IndicatorId, t.OrgUnitId, t.TargetYear }).IsUnique();
        target.HasOne(t => t.Indicator).WithMany().HasForeignKey(t => t.IndicatorId);
        target.HasOne(t => t.OrgUnit).WithMany().HasForeignKey(t => t.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
