using Domain.Organisations;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Infrastructure.Data.Configurations;

internal sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    public void Configure(EntityTypeBuilder<WorkItem> b)
    {
        b.Property(w => w.Title).HasMaxLength(200);
        b.Property(w => w.Outcome).HasMaxLength(WorkItem.OutcomeMaxLength);
        b.Property(w => w.CandidateUserId).HasMaxLength(450);
        b.Property(w => w.AssigneeUserId).HasMaxLength(450);
        b.Property(w => w.CompletedByUserId).HasMaxLength(450);
        b.Property(w => w.Version).IsConcurrencyToken();
        // The queues: team (office, unassigned), my work (assignee), overdue and due soon (due date); the review's tasks.
        b.HasIndex(w => new { w.Status, w.OfficeId, w.AssigneeUserId, w.DueDate });
        b.HasIndex(w => new { w.Status, w.AssigneeUserId, w.DueDate });
        b.HasIndex(w => new { w.Status, w.DueDate });
        b.HasIndex(w => new { w.ReviewId, w.Status });
        b.HasOne<Review>().WithMany().HasForeignKey(w => w.ReviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(w => w.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(w => w.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(w => w.Clock).WithMany().HasForeignKey(w => w.ClockId).OnDelete(DeleteBehavior.Restrict);
    }
}
