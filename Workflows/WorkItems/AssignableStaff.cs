using Domain;
using Domain.Access;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.WorkItems;

public sealed record StaffOption(string UserId, string Name);

/// The people a manager may hand a task to: active review officers and managers of the task's office.
public sealed class AssignableStaffQuery(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<IReadOnlyList<StaffOption>>> HandleAsync(Actor actor, long workItemId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var item = await WorkItemAccess.Visible(db, db.WorkItems.AsNoTracking(), actor).SingleOrDefaultAsync(w => w.Id == workItemId, ct);
        if (item is null || !WorkItemAccess.IsManagerOf(item, actor))
        {
            await audit.RefusedAsync(db, actor, "WorkItem", workItemId.ToString(), item?.ReviewId, "list staff to reassign", ct);
            return new AccessRefused("reassigning this task (managers of the review office only)");
        }

        return await OfficeStaff.Of(db, item.OfficeId!.Value).OrderBy(u => u.DisplayName)
            .Select(u => new StaffOption(u.Id, u.DisplayName)).ToListAsync(ct);
    }
}

public static class OfficeStaff
{
    /// Active accounts with a review officer or manager role and a membership of the office (each once).
    public static IQueryable<PortalUser> Of(IReviewDb db, int officeId) =>
        db.Users.AsNoTracking().Where(u => !u.IsDisabled
            && db.Memberships.Any(m => m.UserId == u.Id && m.OrganisationId == officeId)
            && db.UserRoles.Any(ur => ur.UserId == u.Id
                && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == nameof(Role.ReviewOfficer) || r.Name == nameof(Role.Manager)))));
}
