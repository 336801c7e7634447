using Domain.Conduct;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Data;

namespace Infrastructure.Data.Configurations;

internal sealed class ReviewFindingsConfiguration : IEntityTypeConfiguration<ReviewFindings>
{
    public void Configure(EntityTypeBuilder<ReviewFindings> b)
    {
        b.HasKey(f => f.ReviewId);
        b.Property(f => f.ReviewId).ValueGeneratedNever();
        // Protected at rest (AtRest): the columns hold the longer protected form of the longest quotation.
        b.Property(f => f.PredictableWords).HasMaxLength(AtRest.StoredLength(ReviewFindings.WordsMaxLength));
        b.Property(f => f.PreventableWords).HasMaxLength(AtRest.StoredLength(ReviewFindings.WordsMaxLength));
        b.Property(f => f.UpdatedByUserId).HasMaxLength(450);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.HasOne<Review>().WithMany().HasForeignKey(f => f.ReviewId).OnDelete(DeleteBehavior.Restrict);
    }
}
