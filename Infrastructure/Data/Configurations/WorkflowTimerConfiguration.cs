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
        // The sweep: due pending timers, oldest first (a claim's own timers are found through it too, as Claimed).
        // A case's timers by ReviewId alone: the sweep changes every timer's Status twice (claimed, then fired), and
        // each index holding Status or ClaimedBy is written again each time; a case has only a few timers to filter.
        b.HasIndex(t => new { t.Status, t.DueAtUtc });
        b.HasIndex(t => t.ReviewId);
        b.HasOne<Review>().WithMany().HasForeignKey(t => t.ReviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.Clock).WithMany().HasForeignKey(t => t.ClockId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.WorkItem).WithMany().HasForeignKey(t => t.WorkItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
