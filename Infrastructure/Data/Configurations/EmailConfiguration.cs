using Domain.Accounts;
using Domain.Email;
using Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Data;

namespace Infrastructure.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(m => m.RecipientAddress).HasMaxLength(256);
        b.Property(m => m.RecipientUserId).HasMaxLength(450);
        b.Property(m => m.Reason).HasMaxLength(40);
        b.Property(m => m.OccurrenceKey).HasMaxLength(200);
        b.Property(m => m.DedupeKey).HasMaxLength(500);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.Property(m => m.Nonce).HasMaxLength(32);
        b.Property(m => m.AttachmentName).HasMaxLength(100);
        b.Property(m => m.AttachmentContentType).HasMaxLength(100);
        b.Ignore(m => m.MessageId);
        // Nothing is sent twice: one row per recipient, reason and occurrence, whichever process enqueues it.
        b.HasIndex(m => m.DedupeKey).IsUnique();
        // The dispatcher's claim query.
        b.HasIndex(m => new { m.Status, m.NextAttemptUtc });
        b.HasIndex(m => m.ClaimToken);
        // "Notifications sent" on the review page.
        b.HasIndex(m => m.ReviewId);
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.Property(i => i.Message).HasMaxLength(2000);
        // At most one open incident per kind, even when two processes notice the same failure.
        b.HasIndex(i => i.Kind).IsUnique().HasFilter("\"ResolvedAtUtc\" IS NULL");
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.Property(i => i.UserId).HasMaxLength(450);
        b.Property(i => i.InvitedByUserId).HasMaxLength(450);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => i.UserId);
        b.HasOne<PortalUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationPreferencesConfiguration : IEntityTypeConfiguration<NotificationPreferences>
{
    public void Configure(EntityTypeBuilder<NotificationPreferences> b)
    {
        b.HasKey(p => p.UserId);
        b.Property(p => p.UserId).HasMaxLength(450);
        b.HasOne<PortalUser>().WithOne().HasForeignKey<NotificationPreferences>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgencyContactRequestConfiguration : IEntityTypeConfiguration<AgencyContactRequest>
{
    public void Configure(EntityTypeBuilder<AgencyContactRequest> b)
    {
        b.Property(r => r.DisplayName).HasMaxLength(200);
        b.Property(r => r.Email).HasMaxLength(256);
        b.Property(r => r.RequestedByUserId).HasMaxLength(450);
        b.Property(r => r.DecidedByUserId).HasMaxLength(450);
        b.Property(r => r.CreatedUserId).HasMaxLength(450);
        b.Property(r => r.RefusalReason).HasMaxLength(AgencyContactRequest.ReasonMaxLength);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.Status, r.RequestedAtUtc });
        b.HasIndex(r => r.Email);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
