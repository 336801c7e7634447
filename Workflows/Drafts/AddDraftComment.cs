using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Drafts;
using Domain.Workflow;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Drafts;

public sealed record NewDraftComment(long DraftId, string? Text, string? Reference);

/// A current panel member comments on a draft while its window is open (until 23:59 London on the deadline, and not
/// after the office closed the round). Their "comment on draft" task is then done. The audit row holds no text.
public sealed class AddDraftCommentHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<long>> HandleAsync(Actor actor, NewDraftComment input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var loaded = await DraftCommands.LoadAsync(db, audit, actor, input.DraftId, r => r.Panel, "comment on draft",
            "comments on this draft (only the review's panel members comment)", ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var (draft, roles) = loaded.Value;
        var now = clock.UtcNow;
        if (CommentWindow.CheckCanComment(draft, now) is { } closed)
        {
            return closed;
        }

        var errors = CommentWindow.CheckComment(input.Text, input.Reference);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var comment = new DraftComment
        {
            DraftId = draft.Id,
            UserId = actor.UserId,
            Text = input.Text!.Trim(),
            Reference = string.IsNullOrWhiteSpace(input.Reference) ? null : input.Reference.Trim(),
            AtUtc = now,
        };
        db.DraftComments.Add(comment);
        foreach (var task in await DraftCommands.OpenTasksAsync(db, draft, actor.UserId, ct))
        {
            task.Close(WorkItemStatus.Completed, "Commented on the draft", actor.UserId, now);
        }

        audit.Add(db, actor, AuditAction.Created, "DraftComment", draft.Id.ToString(), draft.ReviewId, roles.Reference,
            $"comment on draft {draft.Number}");
        // The draft's version moves on, so the office closing the round at the same moment is settled by the concurrency check.
        if (await DraftCommands.SaveAsync(db, draft, ct) is { } conflict)
        {
            return conflict;
        }

        return comment.Id;
    }
}
