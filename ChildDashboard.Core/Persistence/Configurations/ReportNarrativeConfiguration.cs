using ChildDashboard.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildDashboard.Core.Persistence.Configurations;

internal sealed class ReportNarrativeConfiguration : IEntityTypeConfiguration<ReportNarrative>
{
    public void Configure(EntityTypeBuilder<ReportNarrative> narrative)
    {
        narrative.Property(n => n.Period).HasMaxLength(8);
        narrative.Property(n => n.Text).HasMaxLength(ReportNarrative.MaxLength);
        narrative.Property(n => n.UpdatedBy).HasMaxLength(256);
        narrative.Property(n => n.Version).IsConcurrencyToken();
        narrative.HasIndex(n => new { n.OrgUnitId, n.Period }).IsUnique();
        narrative.HasOne(n => n.OrgUnit).WithMany().HasForeignKey(n => n.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
