using Domain.Access;
using Domain.Workflow;

namespace Workflows.WorkItems;

/// Who may see and take a task: staff of the office it is offered to (with its candidate role, to take it), contacts
/// of the agency it is addressed to, or the person it names. Memberships are read fresh (Actor), so removing one
/// removes the task from that person's queues on the next request.
public static class WorkItemAccess
{
    public static IQueryable<WorkItem> Visible(IQueryable<WorkItem> items, Actor actor)
    {
        var offices = actor.IsOfficeStaff ? actor.OfficeIds.ToList() : [];
        var agencies = actor.Is(Role.AgencyContact) ? actor.AgencyIds.ToList() : [];
        var userId = actor.UserId;
        return items.Where(w =>
            (w.OfficeId != null && offices.Contains(w.OfficeId.Value))
            || (w.AgencyId != null && agencies.Contains(w.AgencyId.Value))
            || (w.CandidateUserId != null && w.CandidateUserId == userId));
    }

    /// May this actor take (claim, complete, pause) the task?
    public static bool IsCandidate(WorkItem item, Actor actor) =>
        (item.OfficeId is int office && actor.IsOfficeStaff && actor.OfficeIds.Contains(office) && (item.CandidateRole is not Role role || actor.Is(role)))
        || (item.AgencyId is int agency && actor.Is(Role.AgencyContact) && actor.AgencyIds.Contains(agency))
        || (item.CandidateUserId is not null && item.CandidateUserId == actor.UserId);

    /// Managers reassign the tasks of their own office.
    public static bool IsManagerOf(WorkItem item, Actor actor) =>
        actor.Is(Role.Manager) && item.OfficeId is int office && actor.OfficeIds.Contains(office);
}
