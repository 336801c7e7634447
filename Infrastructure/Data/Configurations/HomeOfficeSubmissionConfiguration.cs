using Domain.Reviews;
using Domain.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Infrastructure.Data.Configurations;

internal sealed class HomeOfficeSubmissionConfiguration : IEntityTypeConfiguration<HomeOfficeSubmission>
{
    public void Configure(EntityTypeBuilder<HomeOfficeSubmission> b)
    {
        b.Property(s => s.RecordedByUserId).HasMaxLength(450);
        b.HasIndex(s => new { s.ReviewId, s.Number }).IsUnique();
        b.HasOne<Review>().WithMany().HasForeignKey(s => s.ReviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.FeedbackPoints).WithOne().HasForeignKey(p => p.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QaFeedbackPointConfiguration : IEntityTypeConfiguration<QaFeedbackPoint>
{
    public void Configure(EntityTypeBuilder<QaFeedbackPoint> b)
    {
        b.Property(p => p.Text).HasMaxLength(SubmissionRules.PointMaxLength);
        b.Property(p => p.AddressedByUserId).HasMaxLength(450);
        b.HasIndex(p => p.ReviewId);
    }
}
