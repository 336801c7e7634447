using Domain.Documents;
using Domain.Drafts;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Infrastructure.Data.Configurations;

internal sealed class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> b)
    {
        b.Ignore(d => d.OwnerKey);
        // Draft numbers are per review; the unique index settles two uploads at the same moment.
        b.HasIndex(d => new { d.ReviewId, d.Number }).IsUnique();
        b.Property(d => d.UploadedByUserId).HasMaxLength(450);
        b.Property(d => d.ClosedByUserId).HasMaxLength(450);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasOne<Review>().WithMany().HasForeignKey(d => d.ReviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Document>().WithMany().HasForeignKey(d => d.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.OfficeWorkItem).WithMany().HasForeignKey(d => d.OfficeWorkItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Comments).WithOne().HasForeignKey(c => c.DraftId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.Invitations).WithOne().HasForeignKey(i => i.DraftId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DraftCommentConfiguration : IEntityTypeConfiguration<DraftComment>
{
    public void Configure(EntityTypeBuilder<DraftComment> b)
    {
        b.Property(c => c.UserId).HasMaxLength(450);
        b.Property(c => c.Text).HasMaxLength(DraftComment.TextMaxLength);
        b.Property(c => c.Reference).HasMaxLength(DraftComment.ReferenceMaxLength);
        b.HasIndex(c => new { c.DraftId, c.AtUtc });
    }
}

internal sealed class DraftInvitationConfiguration : IEntityTypeConfiguration<DraftInvitation>
{
    public void Configure(EntityTypeBuilder<DraftInvitation> b)
    {
        b.Property(i => i.UserId).HasMaxLength(450);
        b.HasIndex(i => new { i.DraftId, i.UserId }).IsUnique();
        b.HasOne(i => i.WorkItem).WithMany().HasForeignKey(i => i.WorkItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
