using Domain.ActionPlans;
using Domain.Organisations;
using Domain.Reviews;
using Domain.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Data;

namespace Infrastructure.Data.Configurations;

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> b)
    {
        b.Property(r => r.Text).HasMaxLength(Recommendation.TextMaxLength);
        b.Property(r => r.AddressedToBody).HasMaxLength(Recommendation.BodyMaxLength);
        b.Property(r => r.CreatedByUserId).HasMaxLength(450);
        b.Ignore(r => r.Plan);
        b.HasIndex(r => new { r.ReviewId, r.Number }).IsUnique();
        b.HasIndex(r => new { r.LearningSourceId, r.Number }).IsUnique();
        b.HasOne<Review>().WithMany().HasForeignKey(r => r.ReviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LearningSource>().WithMany().HasForeignKey(r => r.LearningSourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.AddressedToAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Themes).WithOne().HasForeignKey(t => t.RecommendationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LearningSourceConfiguration : IEntityTypeConfiguration<LearningSource>
{
    public void Configure(EntityTypeBuilder<LearningSource> b)
    {
        b.Property(s => s.Title).HasMaxLength(LearningSource.TitleMaxLength);
        b.Property(s => s.CreatedByUserId).HasMaxLength(450);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.Reference);
        // An office's list, and the CSP's (its action plan team, the board appendix).
        b.HasIndex(s => new { s.OfficeId, s.AgreedOn });
        b.HasIndex(s => s.CspId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(s => s.CspId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RecommendationThemeConfiguration : IEntityTypeConfiguration<RecommendationTheme>
{
    public void Configure(EntityTypeBuilder<RecommendationTheme> b)
    {
        b.HasKey(t => new { t.RecommendationId, t.ThemeId });
        b.HasIndex(t => t.ThemeId);
        b.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> b)
    {
        b.ToTable("PlanActions");
        b.Property(a => a.What).HasMaxLength(PlanAction.WhatMaxLength);
        b.Property(a => a.SuccessMeasure).HasMaxLength(PlanAction.MeasureMaxLength);
        b.Property(a => a.ReturnReason).HasMaxLength(PlanAction.ReasonMaxLength);
        b.Property(a => a.ImpactComment).HasMaxLength(PlanAction.ReasonMaxLength);
        b.Property(a => a.OwnerUserId).HasMaxLength(450);
        b.Property(a => a.CreatedByUserId).HasMaxLength(450);
        b.Property(a => a.SignedOffByUserId).HasMaxLength(450);
        b.Property(a => a.ImpactAnsweredByUserId).HasMaxLength(450);
        b.Property(a => a.Version).IsConcurrencyToken();
        // The master plan by agency (agency contacts see only theirs), a review's plan, the scan's open and
        // signed-off actions.
        b.HasIndex(a => new { a.OwnerAgencyId, a.Status, a.DueDate });
        b.Ignore(a => a.Plan);
        b.HasIndex(a => new { a.ReviewId, a.RecommendationId });
        b.HasIndex(a => new { a.LearningSourceId, a.RecommendationId });
        b.HasIndex(a => new { a.Status, a.ImpactRequestedOn, a.ImpactReviewDueOn });
        b.HasOne<Review>().WithMany().HasForeignKey(a => a.ReviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LearningSource>().WithMany().HasForeignKey(a => a.LearningSourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Recommendation>().WithMany().HasForeignKey(a => a.RecommendationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OwnerAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.WorkItem).WithMany().HasForeignKey(a => a.WorkItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.ImpactWorkItem).WithMany().HasForeignKey(a => a.ImpactWorkItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActionUpdateConfiguration : IEntityTypeConfiguration<ActionUpdate>
{
    public void Configure(EntityTypeBuilder<ActionUpdate> b)
    {
        b.Property(u => u.Text).HasMaxLength(ActionUpdate.TextMaxLength);
        b.Property(u => u.ByUserId).HasMaxLength(450);
        b.HasIndex(u => new { u.ActionId, u.AsAt });
        b.HasOne<PlanAction>().WithMany().HasForeignKey(u => u.ActionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActionChangeConfiguration : IEntityTypeConfiguration<ActionChange>
{
    public void Configure(EntityTypeBuilder<ActionChange> b)
    {
        b.Property(c => c.OldValue).HasMaxLength(ActionChange.ValueMaxLength);
        b.Property(c => c.NewValue).HasMaxLength(ActionChange.ValueMaxLength);
        b.Property(c => c.Reason).HasMaxLength(PlanAction.ReasonMaxLength);
        b.Property(c => c.ByUserId).HasMaxLength(450);
        b.HasIndex(c => new { c.ActionId, c.AgreedOn });
        b.HasOne<PlanAction>().WithMany().HasForeignKey(c => c.ActionId).OnDelete(DeleteBehavior.Restrict);
    }
}
