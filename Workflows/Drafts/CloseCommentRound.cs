using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Drafts;

public sealed record CommentRoundClosed(long DraftId, int Number, bool AlreadyClosed);

/// The lead office closes a draft's comment round (after confirming on the page): no more comments, and panel
/// members' open "comment on draft" tasks are cancelled. Closing a closed round again changes nothing.
public sealed class CloseCommentRoundHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<CommentRoundClosed>> HandleAsync(Actor actor, long draftId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var draft = await db.Drafts.SingleOrDefaultAsync(d => d.Id == draftId, ct);
        var roles = draft is null ? null : await ReviewRoles.LoadAsync(db, actor, draft.ReviewId, ct);
        if (draft is null || roles is not { LeadOffice: true })
        {
            await audit.RefusedAsync(db, actor, "Draft", draftId.ToString(), draft?.ReviewId, "close comment round", ct);
            return new AccessRefused("this draft's comment round (the review's lead office closes it)");
        }

        if (draft.IsClosed)
        {
            return new CommentRoundClosed(draft.Id, draft.Number, AlreadyClosed: true);
        }

        var now = clock.UtcNow;
        draft.ClosedAtUtc = now;
        draft.ClosedByUserId = actor.UserId;
        draft.Version++;
        foreach (var task in await DraftTasks.OpenAsync(db, draft, null, ct))
        {
            var office = task.Id == draft.OfficeWorkItemId;
            task.Close(office ? WorkItemStatus.Completed : WorkItemStatus.Cancelled,
                office ? "Done: the comment round was closed" : "Cancelled: the comment round was closed", actor.UserId, now);
        }

        audit.Add(db, actor, AuditAction.Changed, "Draft", draft.Id.ToString(), draft.ReviewId, roles.Reference, $"draft {draft.Number}: comment round closed");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict($"Draft {draft.Number}");
        }

        return new CommentRoundClosed(draft.Id, draft.Number, AlreadyClosed: false);
    }
}
