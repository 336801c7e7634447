using System.Linq.Expressions;
using Domain.Access;
using Domain.Workflow;
using Workflows.Access;
using Workflows.Data;

namespace Workflows.WorkItems;

/// Who may see and take a task: staff of the office it is offered to (with its candidate role, to take it), the agency
/// contacts a task of their agency reaches (AgencyReach: offered to them, or to the agency's team by an office that shares
/// with it, from an office that works with the agency), or the person it names. Memberships are read fresh (Actor), so
/// removing one removes the task from that person's queues on the next request.
public static class WorkItemAccess
{
    /// The tasks among these the actor may see, open or not (for commands on one task).
    public static IQueryable<WorkItem> Visible(IReviewDb db, IQueryable<WorkItem> items, Actor actor) => VisibleAmong(db, items, actor);

    /// The open tasks this actor may see that match a queue's filter, written as one query per way a task reaches
    /// someone (my office, my agency, me by name) joined with UNION ALL. Each part excludes the rows of the parts before
    /// it, so no task appears twice. Each part is a plain AND that an index answers (WorkItemConfiguration: by office,
    /// and partial ones by agency and by person); one OR across the three columns made SQLite read every open unassigned
    /// task of every office for one officer's team queue (docs/BENCHMARKS.md).
    public static IQueryable<WorkItem> OpenVisible(IReviewDb db, IQueryable<WorkItem> items, Actor actor, Expression<Func<WorkItem, bool>> filter) =>
        VisibleAmong(db, items.Where(w => w.Status == WorkItemStatus.Open).Where(filter), actor);

    private static IQueryable<WorkItem> VisibleAmong(IReviewDb db, IQueryable<WorkItem> items, Actor actor)
    {
        var offices = actor.IsOfficeStaff ? actor.OfficeIds.ToList() : [];
        var agencies = actor.Is(Role.AgencyContact) ? actor.AgencyIds.ToList() : [];
        var userId = actor.UserId;
        // A task of the contact's own agency reaches them only through AgencyReach, even when it names them.
        var byName = items.Where(w => w.CandidateUserId != null && w.CandidateUserId == userId);
        if (agencies.Count > 0)
        {
            byName = byName.Where(w => w.AgencyId == null || !agencies.Contains(w.AgencyId.Value));
        }

        if (offices.Count > 0)
        {
            byName = byName.Where(w => w.OfficeId == null || !offices.Contains(w.OfficeId.Value));
        }

        var result = byName;
        if (agencies.Count > 0)
        {
            var byAgency = AgencyReach.WorkItems(db, items, actor);
            if (offices.Count > 0)
            {
                byAgency = byAgency.Where(w => w.OfficeId == null || !offices.Contains(w.OfficeId.Value));
            }

            result = byAgency.Concat(result);
        }

        if (offices.Count > 0)
        {
            result = items.Where(w => w.OfficeId != null && offices.Contains(w.OfficeId.Value)).Concat(result);
        }

        return result;
    }

    /// Managers reassign the tasks of their own office.
    public static bool IsManagerOf(WorkItem item, Actor actor) =>
        actor.Is(Role.Manager) && item.OfficeId is int office && actor.OfficeIds.Contains(office);
}
