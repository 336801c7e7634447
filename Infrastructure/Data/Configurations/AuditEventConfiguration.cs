using Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Infrastructure.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.Property(a => a.UserId).HasMaxLength(AuditEvent.UserIdMaxLength);
        b.Property(a => a.UserEmail).HasMaxLength(AuditEvent.UserEmailMaxLength);
        b.Property(a => a.Subject).HasMaxLength(AuditEvent.SubjectMaxLength);
        b.Property(a => a.SubjectId).HasMaxLength(AuditEvent.SubjectIdMaxLength);
        b.Property(a => a.CaseReference).HasMaxLength(AuditEvent.CaseReferenceMaxLength);
        b.Property(a => a.Detail).HasMaxLength(AuditEvent.DetailMaxLength);
        b.HasIndex(a => a.AtUtc);
        b.HasIndex(a => new { a.ReviewId, a.AtUtc });
        b.HasIndex(a => new { a.CaseReference, a.AtUtc });
    }
}
