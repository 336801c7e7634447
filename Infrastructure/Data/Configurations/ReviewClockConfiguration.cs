using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Infrastructure.Data.Configurations;

internal sealed class ReviewClockConfiguration : IEntityTypeConfiguration<ReviewClock>
{
    public void Configure(EntityTypeBuilder<ReviewClock> b)
    {
        b.HasIndex(c => new { c.ReviewId, c.Status });
        // Clocks at risk: open clocks by due date.
        b.HasIndex(c => new { c.Status, c.DueDate });
        b.HasOne<Review>().WithMany().HasForeignKey(c => c.ReviewId).OnDelete(DeleteBehavior.Restrict);
    }
}
