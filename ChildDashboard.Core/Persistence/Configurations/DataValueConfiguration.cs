using ChildDashboard.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildDashboard.Core.Persistence.Configurations;

internal sealed class DataValueConfiguration : IEntityTypeConfiguration<DataValue>, IEntityTypeConfiguration<DataValueAudit>
{
    public void Configure(EntityTypeBuilder<DataValue> value)
    {
        value.Property(v => v.Period).HasMaxLength(8);
        value.Property(v => v.OptionCode).HasMaxLength(32);
        value.Property(v => v.Version).IsConcurrencyToken();
        // Every index slows imports down; the analytics read the in-memory ValueStore, not SQL.
        // The key of a value (exchange.md §3).
        value.HasIndex(v => new { v.DataElementId, v.OrgUnitId, v.Period, v.OptionCode }).IsUnique();
        // Imports, exports, forms and completeness read the values of some periods and units.
        value.HasIndex(v => new { v.Period, v.OrgUnitId });
        value.HasOne(v => v.DataElement).WithMany().HasForeignKey(v => v.DataElementId).OnDelete(DeleteBehavior.Restrict);
        value.HasOne(v => v.OrgUnit).WithMany().HasForeignKey(v => v.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<DataValueAudit> audit)
    {
        audit.Property(a => a.Period).HasMaxLength(8);
        audit.Property(a => a.OptionCode).HasMaxLength(32);
        audit.Property(a => a.ChangedBy).HasMaxLength(256);
        audit.HasIndex(a => new { a.DataElementId, a.OrgUnitId, a.Period });
        audit.HasIndex(a => a.ChangedAtUtc);
    }
}
