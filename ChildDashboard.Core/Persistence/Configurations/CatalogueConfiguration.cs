using ChildDashboard.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildDashboard.Core.Persistence.Configurations;

internal sealed class CatalogueConfiguration :
    IEntityTypeConfiguration<Programme>,
    IEntityTypeConfiguration<DataElement>,
    IEntityTypeConfiguration<DisaggregationOption>,
    IEntityTypeConfiguration<Indicator>,
    IEntityTypeConfiguration<ValidationRule>,
    IEntityTypeConfiguration<CatalogueFile>
{
    public void Configure(EntityTypeBuilder<CatalogueFile> file)
    {
        file.HasKey(f => f.FileName);
        file.Property(f => f.FileName).HasMaxLength(100);
        file.Property(f => f.Sha256).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<Programme> programme)
    {
        programme.HasIndex(p => p.Code).IsUnique();
        programme.Property(p => p.Code).HasMaxLength(32);
    }

    public void Configure(EntityTypeBuilder<DataElement> element)
    {
        element.HasIndex(e => e.Code).IsUnique();
        element.Property(e => e.Code).HasMaxLength(64);
        element.Property(e => e.Disaggregation).HasMaxLength(32);
    }

    public void Configure(EntityTypeBuilder<DisaggregationOption> option)
    {
        option.HasIndex(o => new { o.Disaggregation, o.OptionCode }).IsUnique();
        option.Property(o => o.OptionCode).HasMaxLength(32);
    }

    public void Configure(EntityTypeBuilder<Indicator> indicator)
    {
        indicator.HasIndex(i => i.Code).IsUnique();
        indicator.Property(i => i.Code).HasMaxLength(32);
        indicator.HasOne(i => i.Programme).WithMany(p => p.Indicators).HasForeignKey(i => i.ProgrammeId);
    }

    public void Configure(EntityTypeBuilder<ValidationRule> rule)
    {
        rule.HasIndex(r => r.Code).IsUnique();
        rule.Property(r => r.Code).HasMaxLength(32);
    }
}
