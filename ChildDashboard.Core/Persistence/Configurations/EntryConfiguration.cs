using ChildDashboard.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildDashboard.Core.Persistence.Configurations;

// The entry workflow: form steps, comments on values and indicators, and users' notifications.
internal sealed class EntryConfiguration :
    IEntityTypeConfiguration<FormEvent>, IEntityTypeConfiguration<Remark>, IEntityTypeConfiguration<FormNotification>
{
    public void Configure(EntityTypeBuilder<FormEvent> step)
    {
        step.Property(e => e.ByUser).HasMaxLength(256);
        step.Property(e => e.Message).HasMaxLength(ReportForm.MaxMessageLength);
        step.HasIndex(e => e.ReportFormId);
        step.HasOne<ReportForm>().WithMany().HasForeignKey(e => e.ReportFormId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Remark> remark)
    {
        remark.Property(r => r.Period).HasMaxLength(8);
        remark.Property(r => r.OptionCode).HasMaxLength(32);
        remark.Property(r => r.Text).HasMaxLength(Remark.MaxLength);
        remark.Property(r => r.Author).HasMaxLength(256);
        // The comments of one form (a unit's values of a year's periods) or of one indicator.
        remark.HasIndex(r => new { r.OrgUnitId, r.Period });
        remark.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<FormNotification> notification)
    {
        notification.Property(n => n.UserName).HasMaxLength(256);
        notification.Property(n => n.FromUser).HasMaxLength(256);
        notification.Property(n => n.Period).HasMaxLength(8);
        notification.Property(n => n.Message).HasMaxLength(ReportForm.MaxMessageLength);
        notification.HasIndex(n => new { n.UserName, n.ReadAtUtc });
        notification.HasOne<ReportForm>().WithMany().HasForeignKey(n => n.ReportFormId).OnDelete(DeleteBehavior.Cascade);
    }
}
