using Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Infrastructure.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.UserEmail).HasMaxLength(256);
        b.Property(a => a.Subject).HasMaxLength(40);
        b.Property(a => a.SubjectId).HasMaxLength(64);
        b.Property(a => a.CaseReference).HasMaxLength(20);
        b.Property(a => a.Detail).HasMaxLength(1000);
        b.HasIndex(a => a.AtUtc);
        b.HasIndex(a => new { a.ReviewId, a.AtUtc });
        b.HasIndex(a => new { a.CaseReference, a.AtUtc });
    }
}
