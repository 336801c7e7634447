using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Workflow;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Drafts;

public sealed record CommentRoundClosed(long DraftId, int Number, bool AlreadyClosed);

/// The lead office closes a draft's comment round (after confirming on the page): no more comments, panel members'
/// open "comment on draft" tasks are cancelled and the office's own task is done. Closing a closed round again
/// changes nothing.
public sealed class CloseCommentRoundHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<CommentRoundClosed>> HandleAsync(Actor actor, long draftId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var loaded = await DraftCommands.LoadAsync(db, audit, actor, draftId, r => r.LeadOffice, "close comment round",
            "this draft's comment round (the review's lead office closes it)", ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var (draft, roles) = loaded.Value;
        if (draft.IsClosed)
        {
            return new CommentRoundClosed(draft.Id, draft.Number, AlreadyClosed: true);
        }

        var now = clock.UtcNow;
        draft.ClosedAtUtc = now;
        draft.ClosedByUserId = actor.UserId;
        foreach (var task in await DraftCommands.OpenTasksAsync(db, draft, null, ct))
        {
            var office = task.Id == draft.OfficeWorkItemId;
            task.Close(office ? WorkItemStatus.Completed : WorkItemStatus.Cancelled,
                office ? "Done: the comment round was closed" : "Cancelled: the comment round was closed", actor.UserId, now);
        }

        audit.Add(db, actor, AuditAction.Changed, "Draft", draft.Id.ToString(), draft.ReviewId, roles.Reference, $"draft {draft.Number}: comment round closed");
        if (await DraftCommands.SaveAsync(db, draft, ct) is { } conflict)
        {
            return conflict;
        }

        return new CommentRoundClosed(draft.Id, draft.Number, AlreadyClosed: false);
    }
}
