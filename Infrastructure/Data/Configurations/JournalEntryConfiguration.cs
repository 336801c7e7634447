using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Infrastructure.Data.Configurations;

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> b)
    {
        b.Property(j => j.UserId).HasMaxLength(450);
        b.Property(j => j.Comment).HasMaxLength(JournalEntry.CommentMaxLength);
        b.Property(j => j.Detail).HasMaxLength(JournalEntry.DetailMaxLength);
        b.Property(j => j.DefinitionId).HasMaxLength(20);
        b.Ignore(j => j.KnownDay);
        // The review page reads a review's journal newest first (by the date it happened); the board replays it up to a date.
        b.HasIndex(j => new { j.ReviewId, j.OccurredOn });
        b.HasOne<Review>().WithMany().HasForeignKey(j => j.ReviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(j => j.UndoneBy).WithMany().HasForeignKey(j => j.UndoneById).OnDelete(DeleteBehavior.Restrict);
    }
}
