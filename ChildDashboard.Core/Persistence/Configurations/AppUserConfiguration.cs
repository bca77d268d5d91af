using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildDashboard.Core.Persistence.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(200);
        user.Property(u => u.PreferredCulture).HasMaxLength(16);
        user.HasOne<OrgUnit>().WithMany().HasForeignKey(u => u.ScopeOrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
