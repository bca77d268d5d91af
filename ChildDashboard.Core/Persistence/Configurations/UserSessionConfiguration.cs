using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildDashboard.Core.Persistence.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> session)
    {
        session.Property(s => s.Id).HasMaxLength(32);
        session.Property(s => s.UserAgent).HasMaxLength(UserSessionService.MaxUserAgentLength);
        session.Property(s => s.Address).HasMaxLength(64);
        session.HasIndex(s => s.UserId);
        session.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
