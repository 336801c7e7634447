using Domain.Organisations;
using Domain.Panels;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Infrastructure.Data.Configurations;

internal sealed class PanelSeatConfiguration : IEntityTypeConfiguration<PanelSeat>
{
    public void Configure(EntityTypeBuilder<PanelSeat> b)
    {
        b.HasKey(s => s.ParticipantId);
        b.Property(s => s.ParticipantId).ValueGeneratedNever();
        b.HasIndex(s => s.ReviewId);
        b.HasOne(s => s.Participant).WithOne().HasForeignKey<PanelSeat>(s => s.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Review>().WithMany().HasForeignKey(s => s.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PanelMeetingConfiguration : IEntityTypeConfiguration<PanelMeeting>
{
    public void Configure(EntityTypeBuilder<PanelMeeting> b)
    {
        b.Property(m => m.Title).HasMaxLength(PanelMeeting.TitleMaxLength);
        b.Property(m => m.Location).HasMaxLength(PanelMeeting.PlaceMaxLength);
        b.Property(m => m.OnlineLink).HasMaxLength(PanelMeeting.PlaceMaxLength);
        b.Property(m => m.Notes).HasMaxLength(PanelMeeting.NotesMaxLength);
        b.Property(m => m.CreatedByUserId).HasMaxLength(450);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.Ignore(m => m.Uid);
        b.HasIndex(m => m.ReviewId);
        // The reminder scan: scheduled meetings by start.
        b.HasIndex(m => new { m.Status, m.StartsAtUtc });
        b.HasOne<Review>().WithMany().HasForeignKey(m => m.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Options).WithOne().HasForeignKey(o => o.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Actions).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingOptionConfiguration : IEntityTypeConfiguration<MeetingOption>
{
    public void Configure(EntityTypeBuilder<MeetingOption> b)
    {
        b.HasMany(o => o.Responses).WithOne().HasForeignKey(r => r.OptionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingResponseConfiguration : IEntityTypeConfiguration<MeetingResponse>
{
    public void Configure(EntityTypeBuilder<MeetingResponse> b)
    {
        b.HasKey(r => new { r.OptionId, r.UserId });
        b.Property(r => r.UserId).HasMaxLength(450);
    }
}

internal sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> b)
    {
        b.HasKey(a => new { a.MeetingId, a.UserId });
        b.Property(a => a.UserId).HasMaxLength(450);
    }
}

internal sealed class MeetingActionConfiguration : IEntityTypeConfiguration<MeetingAction>
{
    public void Configure(EntityTypeBuilder<MeetingAction> b)
    {
        b.Property(a => a.Text).HasMaxLength(MeetingAction.TextMaxLength);
        b.Property(a => a.Owner).HasMaxLength(MeetingAction.OwnerMaxLength);
    }
}
