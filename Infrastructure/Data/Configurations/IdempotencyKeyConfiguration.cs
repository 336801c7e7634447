using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Infrastructure.Data.Configurations;

internal sealed class IdempotencyKeyConfiguration : IEntityTypeConfiguration<IdempotencyKey>
{
    public void Configure(EntityTypeBuilder<IdempotencyKey> b)
    {
        b.Property(k => k.Key).HasMaxLength(IdempotencyKey.KeyMaxLength);
        // Two racing requests with one key: the second insert fails, and it returns the first one's result.
        b.HasIndex(k => k.Key).IsUnique();
        b.Property(k => k.UserId).HasMaxLength(450);
        b.HasOne(k => k.JournalEntry).WithMany().HasForeignKey(k => k.JournalEntryId).OnDelete(DeleteBehavior.Restrict);
    }
}
