using Domain.ActionPlans;
using Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Data;

namespace Infrastructure.Data.Configurations;

internal sealed class ActionPlanTeamConfiguration : IEntityTypeConfiguration<ActionPlanTeam>
{
    public void Configure(EntityTypeBuilder<ActionPlanTeam> b)
    {
        b.HasKey(t => t.CspId);
        b.Property(t => t.CspId).ValueGeneratedNever();
        b.Property(t => t.Name).HasMaxLength(ActionPlanTeam.NameMaxLength);
        b.Property(t => t.ChangedByUserId).HasMaxLength(450);
        b.HasOne<Organisation>().WithOne().HasForeignKey<ActionPlanTeam>(t => t.CspId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.CspId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionPlanTeamMemberConfiguration : IEntityTypeConfiguration<ActionPlanTeamMember>
{
    public void Configure(EntityTypeBuilder<ActionPlanTeamMember> b)
    {
        b.HasKey(m => new { m.CspId, m.UserId });
        b.Property(m => m.UserId).HasMaxLength(450);
        // Ask "which CSPs does this account manage?" from the member's side.
        b.HasIndex(m => m.UserId);
        b.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
