using ChildDashboard.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildDashboard.Core.Persistence.Configurations;

internal sealed class ReportFormConfiguration : IEntityTypeConfiguration<ReportForm>
{
    public void Configure(EntityTypeBuilder<ReportForm> form)
    {
        form.Property(f => f.Period).HasMaxLength(8);
        form.Property(f => f.Version).IsConcurrencyToken();
        form.HasIndex(f => new { f.OrgUnitId, f.Period }).IsUnique();
        form.HasIndex(f => new { f.Period, f.Status });
        form.HasOne(f => f.OrgUnit).WithMany().HasForeignKey(f => f.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
