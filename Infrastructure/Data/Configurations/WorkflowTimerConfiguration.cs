using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Infrastructure.Data.Configurations;

internal sealed class WorkflowTimerConfiguration : IEntityTypeConfiguration<WorkflowTimer>
{
    public void Configure(EntityTypeBuilder<WorkflowTimer> b)
    {
        b.ToTable("Timers");
        b.Property(t => t.ClaimedBy).HasMaxLength(32);
        // The sweep: due pending timers, oldest first; a claim's own timers.
        b.HasIndex(t => new { t.Status, t.DueAtUtc });
        b.HasIndex(t => t.ClaimedBy);
        b.HasIndex(t => new { t.ReviewId, t.Status });
        b.HasOne<Review>().WithMany().HasForeignKey(t => t.ReviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.Clock).WithMany().HasForeignKey(t => t.ClockId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.WorkItem).WithMany().HasForeignKey(t => t.WorkItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
