using Domain.Access;
using Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Access;

/// The agency contacts an office may choose (to send an information request, own an action, sit on a panel): active
/// accounts with the AgencyContact role, of an active agency that works with the office. Every such account was made by
/// an administrator, directly or by approving an officer's request (issue 13, finding 2), so the pickers list approved
/// contacts only, and never another office's.
public static class AgencyContacts
{
    public static IQueryable<AgencyContact> ForOffice(IReviewDb db, int officeId, int? agencyId = null)
    {
        var role = Roles.AgencyContact;
        return from u in db.Users
               join m in db.Memberships on u.Id equals m.UserId
               join o in db.Organisations on m.OrganisationId equals o.Id
               where !u.IsDisabled && o.Kind == OrganisationKind.Agency && o.IsActive && (agencyId == null || o.Id == agencyId)
                   && db.AgencyOffices.Any(ao => ao.AgencyId == o.Id && ao.OfficeId == officeId)
                   && (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id && r.Name == role select ur).Any()
               select new AgencyContact { UserId = u.Id, Name = u.DisplayName, Email = u.Email ?? string.Empty, AgencyId = o.Id, Agency = o.Name };
    }

    /// The active agencies that work with the office (those its contacts can come from).
    public static IQueryable<Organisation> AgenciesOf(IReviewDb db, int officeId) =>
        db.Organisations.Where(o => o.Kind == OrganisationKind.Agency && o.IsActive
            && db.AgencyOffices.Any(ao => ao.AgencyId == o.Id && ao.OfficeId == officeId));
}

/// Set by name, not by constructor, so that queries can filter on it after the projection (EF translates a member
/// initialiser, not a record's constructor).
public sealed record AgencyContact
{
    public required string UserId { get; init; }

    public required string Name { get; init; }

    public required string Email { get; init; }

    public int AgencyId { get; init; }

    public required string Agency { get; init; }
}
