using Domain.Budget;
using Domain.Organisations;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Infrastructure.Data.Configurations;

internal sealed class PooledBudgetConfiguration : IEntityTypeConfiguration<PooledBudget>
{
    public void Configure(EntityTypeBuilder<PooledBudget> b)
    {
        b.HasIndex(x => x.OfficeId).IsUnique();
        b.Property(x => x.ExpectedReviewsPerYear).HasPrecision(4, 1);
        b.Property(x => x.PayAwardPercent).HasPrecision(5, 2);
        b.Property(x => x.ContributionChangePercent).HasPrecision(5, 2);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BudgetContributionConfiguration : IEntityTypeConfiguration<BudgetContribution>
{
    public void Configure(EntityTypeBuilder<BudgetContribution> b)
    {
        b.Property(x => x.PartnerName).HasMaxLength(BudgetContribution.PartnerNameMaxLength);
        b.Property(x => x.Description).HasMaxLength(BudgetContribution.DescriptionMaxLength);
        b.Property(x => x.CreatedByUserId).HasMaxLength(450);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.OfficeId, x.FinancialYearStart });
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.PartnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BudgetCostConfiguration : IEntityTypeConfiguration<BudgetCost>
{
    public void Configure(EntityTypeBuilder<BudgetCost> b)
    {
        b.Property(x => x.Description).HasMaxLength(BudgetCost.DescriptionMaxLength);
        b.Property(x => x.CreatedByUserId).HasMaxLength(450);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.OfficeId, x.FinancialYearStart });
        b.HasIndex(x => x.ReviewId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Review>().WithMany().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Restrict);
    }
}


internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.OfficeId, x.FinancialYearStart, x.Kind }).IsUnique();
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}
