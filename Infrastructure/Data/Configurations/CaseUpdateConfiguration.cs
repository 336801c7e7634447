using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Infrastructure.Data.Configurations;

internal sealed class CaseUpdateConfiguration : IEntityTypeConfiguration<CaseUpdate>
{
    public void Configure(EntityTypeBuilder<CaseUpdate> b)
    {
        b.Property(u => u.Text).HasMaxLength(CaseUpdate.TextMaxLength);
        b.Property(u => u.ByUserId).HasMaxLength(450);
        // The latest update of each review (as at a date) is read by the review page and the board report.
        b.HasIndex(u => new { u.ReviewId, u.AsAt });
        b.HasOne<Review>().WithMany().HasForeignKey(u => u.ReviewId).OnDelete(DeleteBehavior.Restrict);
    }
}
