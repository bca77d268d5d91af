using ChildDashboard.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildDashboard.Core.Persistence.Configurations;

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> unit)
    {
        unit.Property(u => u.Code).HasMaxLength(32);
        unit.Property(u => u.NameVi).HasMaxLength(200);
        unit.Property(u => u.NameEn).HasMaxLength(200);
        unit.Property(u => u.RegionVi).HasMaxLength(200);
        unit.Property(u => u.RegionEn).HasMaxLength(200);
        // A code is unique among the units open on one date; code + opening date identifies a unit.
        unit.HasIndex(u => new { u.Code, u.OpeningDate }).IsUnique();
        unit.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        unit.HasOne(u => u.Successor).WithMany().HasForeignKey(u => u.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    }
}
