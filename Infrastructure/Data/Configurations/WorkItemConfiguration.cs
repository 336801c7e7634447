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
        b.Property(w => w.AssignmentNote).HasMaxLength(WorkItem.AssignmentNoteMaxLength);
        b.Property(w => w.CandidateUserId).HasMaxLength(450);
        b.Property(w => w.AssigneeUserId).HasMaxLength(450);
        b.Property(w => w.CompletedByUserId).HasMaxLength(450);
        b.Property(w => w.Version).IsConcurrencyToken();
        // The queues (WorkQueueQuery, one part per way a task reaches someone: WorkItemAccess.OpenVisible):
        // team and my work by office (office, unassigned or assignee), overdue and due soon by office (due date),
        // and the same for tasks addressed to an agency or a person by name. Those two are partial indexes (most tasks
        // name neither). They hold AssigneeUserId too: with only (CandidateUserId, Status) SQLite, which has no statistics,
        // preferred (Status, AssigneeUserId) for the team queue's by-name part and read every open unassigned task of
        // every office (about 80 ms a query at 10,000 reviews). The review's tasks.
        b.HasIndex(w => new { w.Status, w.OfficeId, w.AssigneeUserId, w.DueDate });
        b.HasIndex(w => new { w.Status, w.AssigneeUserId, w.DueDate });
        b.HasIndex(w => new { w.Status, w.OfficeId, w.DueDate });
        b.HasIndex(w => new { w.AgencyId, w.Status, w.AssigneeUserId, w.DueDate }).HasFilter("\"AgencyId\" IS NOT NULL");
        b.HasIndex(w => new { w.CandidateUserId, w.Status, w.AssigneeUserId, w.DueDate }).HasFilter("\"CandidateUserId\" IS NOT NULL");
        b.HasIndex(w => new { w.ReviewId, w.Status });
        b.HasOne<Review>().WithMany().HasForeignKey(w => w.ReviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(w => w.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(w => w.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(w => w.Clock).WithMany().HasForeignKey(w => w.ClockId).OnDelete(DeleteBehavior.Restrict);
    }
}
