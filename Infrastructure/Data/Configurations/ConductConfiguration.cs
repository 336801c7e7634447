using Domain.Conduct;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Data;

namespace Infrastructure.Data.Configurations;

internal sealed class ReviewFindingsConfiguration : IEntityTypeConfiguration<ReviewFindings>
{
    public void Configure(EntityTypeBuilder<ReviewFindings> b)
    {
        b.HasKey(f => f.ReviewId);
        b.Property(f => f.ReviewId).ValueGeneratedNever();
        // Protected at rest (AtRest): the columns hold the longer protected form of the longest quotation.
        b.Property(f => f.PredictableWords).HasMaxLength(AtRest.StoredLength(ReviewFindings.WordsMaxLength));
        b.Property(f => f.PreventableWords).HasMaxLength(AtRest.StoredLength(ReviewFindings.WordsMaxLength));
        b.Property(f => f.UpdatedByUserId).HasMaxLength(450);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.HasOne<Review>().WithMany().HasForeignKey(f => f.ReviewId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TermsOfReferenceVersionConfiguration : IEntityTypeConfiguration<TermsOfReferenceVersion>
{
    public void Configure(EntityTypeBuilder<TermsOfReferenceVersion> b)
    {
        b.ToTable("TermsOfReference");
        // Protected at rest (AtRest): each column holds the longer protected form of its longest value.
        b.Property(t => t.Text).HasMaxLength(AtRest.StoredLength(TermsOfReferenceVersion.TextMaxLength));
        b.Property(t => t.ChangeReason).HasMaxLength(AtRest.StoredLength(TermsOfReferenceVersion.ReasonMaxLength));
        b.Property(t => t.FamilyAsked).HasMaxLength(AtRest.StoredLength(TermsOfReferenceVersion.FamilyAskedMaxLength));
        b.Property(t => t.NotInvitedReason).HasMaxLength(AtRest.StoredLength(TermsOfReferenceVersion.ReasonMaxLength));
        b.Property(t => t.ByUserId).HasMaxLength(450);
        // One version per number: two versions recorded at once cannot both become the next.
        b.HasIndex(t => new { t.ReviewId, t.Number }).IsUnique();
        b.HasOne<Review>().WithMany().HasForeignKey(t => t.ReviewId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InterviewEntryConfiguration : IEntityTypeConfiguration<InterviewEntry>
{
    public void Configure(EntityTypeBuilder<InterviewEntry> b)
    {
        b.ToTable("Interviews");
        b.Property(i => i.Interviewee).HasMaxLength(AtRest.StoredLength(InterviewEntry.IntervieweeMaxLength));
        b.Property(i => i.NotSoughtReason).HasMaxLength(AtRest.StoredLength(InterviewEntry.ReasonMaxLength));
        b.Property(i => i.ByUserId).HasMaxLength(450);
        b.HasIndex(i => new { i.ReviewId, i.HeldOn });
        b.HasOne<Review>().WithMany().HasForeignKey(i => i.ReviewId).OnDelete(DeleteBehavior.Restrict);
    }
}
