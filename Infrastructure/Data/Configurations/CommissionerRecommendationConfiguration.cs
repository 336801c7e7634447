using Domain.Commissioner;
using Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Infrastructure.Data.Configurations;

internal sealed class CommissionerRecommendationConfiguration : IEntityTypeConfiguration<CommissionerRecommendation>
{
    public void Configure(EntityTypeBuilder<CommissionerRecommendation> b)
    {
        b.Property(r => r.Report).HasMaxLength(CommissionerRecommendation.ReportMaxLength);
        b.Property(r => r.Text).HasMaxLength(CommissionerRecommendation.TextMaxLength);
        b.Property(r => r.ResponseSummary).HasMaxLength(CommissionerRecommendation.ResponseMaxLength);
        b.Property(r => r.CreatedByUserId).HasMaxLength(450);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.ResponseDue);
        b.Ignore(r => r.Reference);
        b.HasIndex(r => new { r.OfficeId, r.MadeOn });
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.AddresseeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.WorkItem).WithMany().HasForeignKey(r => r.WorkItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
