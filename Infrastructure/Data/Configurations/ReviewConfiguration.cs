using Domain.Organisations;
using Domain.Reviews;
using Domain.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Data;

namespace Infrastructure.Data.Configurations;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.Property(r => r.Reference).HasMaxLength(20);
        b.HasIndex(r => r.Reference).IsUnique();
        b.Property(r => r.CaseLabel).HasMaxLength(Notification.CaseLabelMaxLength);
        b.Property(r => r.CaseLabelKey).HasMaxLength(Notification.CaseLabelMaxLength);
        b.HasIndex(r => r.CaseLabelKey).IsUnique();
        b.Property(r => r.SearchText).HasMaxLength(80);
        b.Property(r => r.Summary).HasMaxLength(Notification.SummaryMaxLength);
        b.Property(r => r.DefinitionId).HasMaxLength(20);
        b.Property(r => r.CreatedByUserId).HasMaxLength(450);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.LeadOfficeId, r.NotificationYear });
        b.HasIndex(r => r.LeadCspId);
        b.HasIndex(r => r.Stage);
        b.HasIndex(r => r.DateNotified);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.LeadCspId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.LeadOfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.NotifyingAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.InvolvedCsps).WithOne().HasForeignKey(c => c.ReviewId);
        b.HasMany(r => r.Participants).WithOne().HasForeignKey(p => p.ReviewId);
        b.HasMany(r => r.PublicationLinks).WithOne().HasForeignKey(l => l.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.Restricted).WithOne().HasForeignKey<RestrictedDetails>(d => d.ReviewId);
    }
}

internal sealed class PublicationLinkConfiguration : IEntityTypeConfiguration<PublicationLink>
{
    public void Configure(EntityTypeBuilder<PublicationLink> b)
    {
        b.Property(l => l.Url).HasMaxLength(PublicationLink.UrlMaxLength);
        b.Property(l => l.Label).HasMaxLength(PublicationLink.LabelMaxLength);
        b.Property(l => l.AddedByUserId).HasMaxLength(450);
        b.HasIndex(l => l.ReviewId);
    }
}

internal sealed class ReviewCspConfiguration : IEntityTypeConfiguration<ReviewCsp>
{
    public void Configure(EntityTypeBuilder<ReviewCsp> b)
    {
        b.HasKey(c => new { c.ReviewId, c.CspId });
        b.HasIndex(c => c.CspId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.CspId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReviewParticipantConfiguration : IEntityTypeConfiguration<ReviewParticipant>
{
    public void Configure(EntityTypeBuilder<ReviewParticipant> b)
    {
        b.Property(p => p.UserId).HasMaxLength(450);
        b.HasIndex(p => new { p.UserId, p.ReviewId });
    }
}

internal sealed class RestrictedDetailsConfiguration : IEntityTypeConfiguration<RestrictedDetails>
{
    public void Configure(EntityTypeBuilder<RestrictedDetails> b)
    {
        b.ToTable("ReviewRestrictedDetails");
        b.HasKey(d => d.ReviewId);
        // Protected at rest (AtRest): the column holds the longer protected form.
        b.Property(d => d.DeceasedNames).HasMaxLength(AtRest.StoredLength(Notification.NamesMaxLength));
        b.Property(d => d.PerpetratorNames).HasMaxLength(AtRest.StoredLength(Notification.NamesMaxLength));
    }
}
