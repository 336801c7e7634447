using Domain.Access;
using Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Data;

namespace Infrastructure.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.Code).HasMaxLength(6);
        b.Property(o => o.EscalationEmail).HasMaxLength(Organisation.EscalationEmailMaxLength);
        b.HasIndex(o => new { o.Kind, o.Name }).IsUnique();
        b.HasIndex(o => o.Code).IsUnique();
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasOne(o => o.ServingOffice).WithMany().HasForeignKey(o => o.ServingOfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgencyOfficeConfiguration : IEntityTypeConfiguration<AgencyOffice>
{
    public void Configure(EntityTypeBuilder<AgencyOffice> b)
    {
        b.HasKey(a => new { a.AgencyId, a.OfficeId });
        // An office's pickers ask which agencies work with it.
        b.HasIndex(a => a.OfficeId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.HasKey(m => new { m.UserId, m.OrganisationId });
        b.HasOne<PortalUser>().WithMany(u => u.Memberships).HasForeignKey(m => m.UserId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> b) => b.Property(u => u.DisplayName).HasMaxLength(200);
}

internal sealed class RoleGrantRequestConfiguration : IEntityTypeConfiguration<RoleGrantRequest>
{
    public void Configure(EntityTypeBuilder<RoleGrantRequest> b)
    {
        b.Property(g => g.UserId).HasMaxLength(450);
        b.Property(g => g.RequestedByUserId).HasMaxLength(450);
        // One request per account and role: asking again leaves the first (and its requester) in place.
        b.HasIndex(g => new { g.UserId, g.Role }).IsUnique();
        b.HasOne<PortalUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
