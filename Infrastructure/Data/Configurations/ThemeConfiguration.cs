using Domain.Reviews;
using Domain.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Data;

namespace Infrastructure.Data.Configurations;

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> b)
    {
        // PostgreSQL's identity does not move past seeded ids: themes added later start above the seed list.
        b.Property(t => t.Id).HasIdentityOptions(startValue: 100);
        b.Property(t => t.Name).HasMaxLength(Theme.NameMaxLength);
        b.HasIndex(t => t.Name).IsUnique();
        // Seeded by the migration (fixed ids), so every database, test or demo, starts with the issue 6 list.
        b.HasData(Theme.Seed.Select(t => new Theme { Id = t.Id, Name = t.Name, Group = t.Group, IsActive = true, SortOrder = t.SortOrder }));
    }
}

internal sealed class DisseminationEntryConfiguration : IEntityTypeConfiguration<DisseminationEntry>
{
    public void Configure(EntityTypeBuilder<DisseminationEntry> b)
    {
        b.Property(e => e.Audience).HasMaxLength(DisseminationEntry.AudienceMaxLength);
        b.Property(e => e.ByUserId).HasMaxLength(450);
        b.HasIndex(e => new { e.ReviewId, e.HeldOn });
        b.HasOne<Review>().WithMany().HasForeignKey(e => e.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewThemeConfiguration : IEntityTypeConfiguration<ReviewTheme>
{
    public void Configure(EntityTypeBuilder<ReviewTheme> b)
    {
        b.HasKey(t => new { t.ReviewId, t.ThemeId });
        b.HasIndex(t => t.ThemeId);
        b.HasOne<Review>().WithMany().HasForeignKey(t => t.ReviewId).OnDelete(DeleteBehavior.Cascade);
        // A theme in use cannot be deleted: deactivate it instead.
        b.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReviewBriefingConfiguration : IEntityTypeConfiguration<ReviewBriefing>
{
    public void Configure(EntityTypeBuilder<ReviewBriefing> b)
    {
        b.HasKey(x => x.ReviewId);
        // Protected at rest (AtRest): each column holds the longer protected form of its longest text.
        b.Property(x => x.Summary).HasMaxLength(AtRest.StoredLength(ReviewBriefing.SummaryMaxLength));
        b.Property(x => x.Themes).HasMaxLength(AtRest.StoredLength(ReviewBriefing.ThemesMaxLength));
        b.Property(x => x.Recommendations).HasMaxLength(AtRest.StoredLength(ReviewBriefing.RecommendationsMaxLength));
        b.Property(x => x.Questions).HasMaxLength(AtRest.StoredLength(ReviewBriefing.QuestionsMaxLength));
        b.Property(x => x.UpdatedByUserId).HasMaxLength(450);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Review>().WithMany().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}
