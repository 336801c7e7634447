using Domain.Documents;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Infrastructure.Data.Configurations;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> b)
    {
        b.Property(d => d.Title).HasMaxLength(Document.TitleMaxLength);
        b.Property(d => d.OwnerKey).HasMaxLength(Document.OwnerKeyMaxLength);
        b.Property(d => d.CurrentVersion).IsConcurrencyToken();
        b.HasIndex(d => new { d.ReviewId, d.OwnerKey });
        b.HasIndex(d => d.OwnerKey);
        b.HasOne<Review>().WithMany().HasForeignKey(d => d.ReviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Versions).WithOne(v => v.Document).HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> b)
    {
        b.Property(v => v.StoredName).HasMaxLength(64);
        b.Property(v => v.Extension).HasMaxLength(8);
        b.Property(v => v.ContentType).HasMaxLength(100);
        b.Property(v => v.Sha256).HasMaxLength(64);
        b.Property(v => v.UploadedByUserId).HasMaxLength(450);
        b.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
        b.HasIndex(v => v.StoredName).IsUnique();
    }
}
