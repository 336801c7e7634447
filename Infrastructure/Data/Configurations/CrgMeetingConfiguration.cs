using Domain.Crg;
using Domain.Organisations;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Infrastructure.Data.Configurations;

internal sealed class CrgMeetingConfiguration : IEntityTypeConfiguration<CrgMeeting>
{
    public void Configure(EntityTypeBuilder<CrgMeeting> b)
    {
        b.Property(m => m.CreatedByUserId).HasMaxLength(450);
        b.Property(m => m.Place).HasMaxLength(CrgMeeting.PlaceMaxLength);
        b.HasIndex(m => new { m.OfficeId, m.MeetingDate });
        b.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CrgAgendaItemConfiguration : IEntityTypeConfiguration<CrgAgendaItem>
{
    public void Configure(EntityTypeBuilder<CrgAgendaItem> b)
    {
        b.Property(i => i.Rationale).HasMaxLength(CrgRules.RationaleMaxLength);
        b.Property(i => i.OutcomeRecordedByUserId).HasMaxLength(450);
        b.HasIndex(i => new { i.MeetingId, i.ReviewId }).IsUnique();
        b.HasIndex(i => new { i.ReviewId, i.Outcome });
        b.HasOne<Review>().WithMany().HasForeignKey(i => i.ReviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Amendments).WithOne().HasForeignKey(a => a.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CrgAmendmentConfiguration : IEntityTypeConfiguration<CrgAmendment>
{
    public void Configure(EntityTypeBuilder<CrgAmendment> b)
    {
        b.Property(a => a.Text).HasMaxLength(CrgRules.AmendmentMaxLength);
        b.HasIndex(a => a.ReviewId);
    }
}
