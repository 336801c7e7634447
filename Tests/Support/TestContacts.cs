using Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Portal.Testing;

public static class TestContacts
{
    /// A new agency contact of the named agency (a test's own account; it cannot sign in: no password).
    public static Task<string> AddAgencyContactAsync(this PortalFactory portal, string agency) => portal.WithDbAsync(async db =>
    {
        var email = $"contact-{Guid.NewGuid():N}@agency.example.org";
        var user = new PortalUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = "Test Contact" };
        db.Users.Add(user);
        var roleId = await db.Roles.Where(r => r.Name == Roles.AgencyContact).Select(r => r.Id).SingleAsync();
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = await db.Organisations.Where(o => o.Name == agency).Select(o => o.Id).SingleAsync() });
        await db.SaveChangesAsync();
        return email;
    });

    public static Task<string> UserIdAsync(this PortalFactory portal, string email) =>
        portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
