using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Infrastructure.Data.Configurations;

internal sealed class LegalChallengeConfiguration : IEntityTypeConfiguration<LegalChallenge>
{
    public void Configure(EntityTypeBuilder<LegalChallenge> b)
    {
        b.Property(c => c.Note).HasMaxLength(LegalChallenge.NoteMaxLength);
        b.Property(c => c.RecordedByUserId).HasMaxLength(450);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.ReviewId);
        b.HasOne<Review>().WithMany().HasForeignKey(c => c.ReviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LegalChallenge>().WithMany().HasForeignKey(c => c.AppealOfId).OnDelete(DeleteBehavior.Restrict);
    }
}
