using Domain.Authors;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Data;

namespace Infrastructure.Data.Configurations;

internal sealed class AuthorProfileConfiguration : IEntityTypeConfiguration<AuthorProfile>
{
    public void Configure(EntityTypeBuilder<AuthorProfile> b)
    {
        b.Property(p => p.UserId).HasMaxLength(450);
        b.HasIndex(p => p.UserId).IsUnique();
        b.Property(p => p.Name).HasMaxLength(AuthorProfile.NameMaxLength);
        b.Property(p => p.Email).HasMaxLength(AuthorProfile.EmailMaxLength);
        b.Property(p => p.Phone).HasMaxLength(AuthorProfile.PhoneMaxLength);
        b.Property(p => p.Specialisms).HasMaxLength(AuthorProfile.TextMaxLength);
        b.Property(p => p.Areas).HasMaxLength(AuthorProfile.TextMaxLength);
        b.Property(p => p.Availability).HasMaxLength(AuthorProfile.TextMaxLength);
        b.Property(p => p.SearchText).HasMaxLength(1800);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.Name);
        b.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuthorAppointmentConfiguration : IEntityTypeConfiguration<AuthorAppointment>
{
    public void Configure(EntityTypeBuilder<AuthorAppointment> b)
    {
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.EndedByUserId).HasMaxLength(450);
        b.Property(a => a.EndReason).HasMaxLength(AuthorAppointment.EndReasonMaxLength);
        b.HasIndex(a => new { a.ReviewId, a.EndedOn });
        b.HasIndex(a => a.UserId);
        b.HasOne<Review>().WithMany().HasForeignKey(a => a.ReviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExpressionOfInterestConfiguration : IEntityTypeConfiguration<ExpressionOfInterest>
{
    public void Configure(EntityTypeBuilder<ExpressionOfInterest> b)
    {
        b.ToTable("ExpressionsOfInterest");
        b.Property(e => e.Summary).HasMaxLength(ExpressionOfInterest.SummaryMaxLength);
        b.Property(e => e.SentByUserId).HasMaxLength(450);
        b.HasIndex(e => e.ReviewId);
        b.HasOne<Review>().WithMany().HasForeignKey(e => e.ReviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Recipients).WithOne().HasForeignKey(r => r.ExpressionOfInterestId);
    }
}

internal sealed class EoiRecipientConfiguration : IEntityTypeConfiguration<EoiRecipient>
{
    public void Configure(EntityTypeBuilder<EoiRecipient> b)
    {
        b.Property(r => r.UserId).HasMaxLength(450);
        b.Property(r => r.Availability).HasMaxLength(EoiRecipient.TextMaxLength);
        b.Property(r => r.Conflicts).HasMaxLength(EoiRecipient.TextMaxLength);
        b.HasIndex(r => new { r.ExpressionOfInterestId, r.UserId }).IsUnique();
        b.HasIndex(r => r.UserId);
        b.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
