using Domain.Access;
using Workflows.Crg;
using Workflows.Drafts;
using Workflows.Time;
using Workflows.WorkItems;

namespace Workflows.Home;

/// What needs a person next, for their home page. Tasks: what the queues show them (WorkQueueQuery, so the same
/// dates, "N days overdue" and paused tasks), overdue first; staff count their team queue beside. TaskCount is the
/// queues' total, of which Tasks is the first few. Drafts: the reviews a chair/author writes. Papers: CRG meetings to come
/// whose papers are shared with a CRG member. SeesReports: a board member's reports.
public sealed record YourWork(IReadOnlyList<WorkItemRow> Tasks, int TaskCount, int? TeamQueueCount, IReadOnlyList<MyDraftsRow> Drafts,
    IReadOnlyList<CrgMeetingRow> Papers, bool SeesReports);

/// Each part is the query of the page it summarises, run as the actor: what that page would not show them, the home page
/// does not either.
public sealed class YourWorkQuery(WorkQueueQuery queues, MyDraftsQuery drafts, ListCrgMeetingsQuery meetings, BusinessClock clock)
{
    public const int Shown = 8;

    public async Task<YourWork> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        var first = new PageRequest(0, Shown);
        var mine = await queues.HandleAsync(actor, WorkQueue.MyWork, new WorkItemFilter(), first, ct);
        var team = await queues.HandleAsync(actor, WorkQueue.Team, new WorkItemFilter(), first, ct);
        // Staff's team queue is the office's to share out; anyone else's holds only what names them or their agency.
        var tasks = actor.IsOfficeStaff ? mine.Items : mine.Items.Concat(team.Items).ToList();
        var ordered = tasks.OrderByDescending(t => t.IsOverdue).ThenBy(t => t.DueDate ?? DateOnly.MaxValue).ThenBy(t => t.Id).Take(Shown).ToList();
        var count = mine.TotalCount + (actor.IsOfficeStaff ? 0 : team.TotalCount);

        var writing = actor.Is(Role.IndependentAuthor) ? (await drafts.HandleAsync(actor, ct)).Where(d => d.AsAuthor).ToList() : [];
        var today = clock.Today;
        var papers = actor.Is(Role.CrgMember) && !actor.IsOfficeStaff
            ? (await meetings.HandleAsync(actor, ct)).Meetings.Where(m => m.PapersShared && m.MeetingDate >= today).OrderBy(m => m.MeetingDate).ToList()
            : [];
        return new YourWork(ordered, count, actor.IsOfficeStaff ? team.TotalCount : null, writing, papers, actor.Is(Role.BoardMember));
    }
}
