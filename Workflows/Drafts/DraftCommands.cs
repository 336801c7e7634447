using Domain;
using Domain.Access;
using Domain.Drafts;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Drafts;

/// What the commands on one draft share: loading it with what the actor is to its review (refused and audited unless
/// allowed), the tasks its round opened, and saving with the draft's version as the concurrency check.
internal static class DraftCommands
{
    public static async Task<Result<(Draft Draft, ReviewRoles Roles)>> LoadAsync(IReviewDb db, AuditLog audit, Actor actor, long draftId,
        Func<ReviewRoles, bool> allowed, string action, string refusedWhat, CancellationToken ct)
    {
        var draft = await db.Drafts.SingleOrDefaultAsync(d => d.Id == draftId, ct);
        var roles = draft is null ? null : await ReviewRoles.LoadAsync(db, actor, draft.ReviewId, ct);
        if (draft is null || roles is null || !allowed(roles))
        {
            await audit.RefusedAsync(db, actor, "Draft", draftId.ToString(), draft?.ReviewId, action, ct);
            return new AccessRefused(refusedWhat);
        }

        return (draft, roles);
    }

    /// The open tasks the draft's round opened: each panel member's "comment on draft" (one member's with memberUserId),
    /// and, when no member is given, the lead office's "close the round" too. Loaded tracked, to be changed.
    public static async Task<List<WorkItem>> OpenTasksAsync(IReviewDb db, Draft draft, string? memberUserId, CancellationToken ct)
    {
        var ids = await db.DraftInvitations.Where(i => i.DraftId == draft.Id && i.WorkItemId != null && (memberUserId == null || i.UserId == memberUserId))
            .Select(i => i.WorkItemId!.Value).ToListAsync(ct);
        if (memberUserId is null && draft.OfficeWorkItemId is long office)
        {
            ids.Add(office);
        }

        return await db.WorkItems.Where(w => ids.Contains(w.Id) && w.Status == WorkItemStatus.Open).ToListAsync(ct);
    }

    /// Moves the draft's version on and saves: a command on the same draft that committed first makes this a Conflict.
    public static async Task<Error?> SaveAsync(IReviewDb db, Draft draft, CancellationToken ct)
    {
        draft.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict($"Draft {draft.Number}");
        }
    }
}
