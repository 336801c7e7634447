using Domain.Organisations;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Data;

namespace Infrastructure.Data.Configurations;

internal sealed class ReviewLedElsewhereConfiguration : IEntityTypeConfiguration<ReviewLedElsewhere>
{
    public void Configure(EntityTypeBuilder<ReviewLedElsewhere> b)
    {
        b.ToTable("ReviewsLedElsewhere");
        b.Property(r => r.Area).HasMaxLength(ReviewLedElsewhere.AreaMaxLength);
        b.Property(r => r.LeadCsp).HasMaxLength(ReviewLedElsewhere.LeadCspMaxLength);
        b.Property(r => r.TheirReference).HasMaxLength(ReviewLedElsewhere.ReferenceMaxLength);
        b.Property(r => r.CaseLabel).HasMaxLength(ReviewLedElsewhere.CaseLabelMaxLength);
        // Protected at rest (AtRest): the columns hold the longer protected form.
        b.Property(r => r.ContactName).HasMaxLength(AtRest.StoredLength(ReviewLedElsewhere.ContactNameMaxLength));
        b.Property(r => r.ContactEmail).HasMaxLength(AtRest.StoredLength(ReviewLedElsewhere.ContactEmailMaxLength));
        b.Property(r => r.ContactPhone).HasMaxLength(AtRest.StoredLength(ReviewLedElsewhere.ContactPhoneMaxLength));
        b.Property(r => r.SearchText).HasMaxLength(ReviewLedElsewhere.CaseLabelMaxLength + ReviewLedElsewhere.ReferenceMaxLength
            + ReviewLedElsewhere.AreaMaxLength + ReviewLedElsewhere.LeadCspMaxLength + 3);
        b.Property(r => r.RecordedByUserId).HasMaxLength(450);
        b.Property(r => r.Version).IsConcurrencyToken();
        // The register and the board report ask for an office's records, or those of one of its CSPs.
        b.HasIndex(r => new { r.OfficeId, r.KnownSince });
        b.HasIndex(r => r.CspId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.CspId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ElsewhereUpdateConfiguration : IEntityTypeConfiguration<ElsewhereUpdate>
{
    public void Configure(EntityTypeBuilder<ElsewhereUpdate> b)
    {
        b.Property(u => u.Text).HasMaxLength(ElsewhereUpdate.TextMaxLength);
        b.Property(u => u.ByUserId).HasMaxLength(450);
        // The update standing as at a date is read by the record's page and the board report.
        b.HasIndex(u => new { u.RecordId, u.AsAt });
        b.HasOne<ReviewLedElsewhere>().WithMany().HasForeignKey(u => u.RecordId).OnDelete(DeleteBehavior.Restrict);
    }
}
