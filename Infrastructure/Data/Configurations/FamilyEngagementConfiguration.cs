using Domain.Family;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Data;

namespace Infrastructure.Data.Configurations;

internal sealed class FamilyEngagementConfiguration : IEntityTypeConfiguration<FamilyEngagement>
{
    public void Configure(EntityTypeBuilder<FamilyEngagement> b)
    {
        b.HasKey(f => f.ReviewId);
        b.Property(f => f.AdvocacyBy).HasMaxLength(FamilyEngagement.AdvocacyByMaxLength);
        b.Property(f => f.Pseudonym).HasMaxLength(FamilyEngagement.PseudonymMaxLength);
        b.Property(f => f.UpdatedByUserId).HasMaxLength(450);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.HasOne<Review>().WithOne().HasForeignKey<FamilyEngagement>(f => f.ReviewId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FamilyContactConfiguration : IEntityTypeConfiguration<FamilyContact>
{
    public void Configure(EntityTypeBuilder<FamilyContact> b)
    {
        // Protected at rest (AtRest): the columns hold the longer protected form.
        b.Property(c => c.Who).HasMaxLength(AtRest.StoredLength(FamilyContact.WhoMaxLength));
        b.Property(c => c.Summary).HasMaxLength(AtRest.StoredLength(FamilyContact.SummaryMaxLength));
        b.Property(c => c.RecordedByUserId).HasMaxLength(450);
        b.HasIndex(c => new { c.ReviewId, c.On });
        b.HasOne<Review>().WithMany().HasForeignKey(c => c.ReviewId).OnDelete(DeleteBehavior.Restrict);
    }
}
