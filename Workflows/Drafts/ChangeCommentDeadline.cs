using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Drafts;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Drafts;

/// The lead office or the appointed chair/author moves the deadline of an open round (not into the past); the
/// round's open tasks move with it.
public sealed class ChangeCommentDeadlineHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<DateOnly>> HandleAsync(Actor actor, long draftId, DateOnly? commentsDue, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var loaded = await DraftCommands.LoadAsync(db, audit, actor, draftId, r => r.ManagesDrafts, "change comment deadline",
            "this draft's comment deadline", ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var (draft, roles) = loaded.Value;
        if (draft.IsClosed)
        {
            return new Error($"The comment round for draft {draft.Number} is closed: its deadline can no longer change.");
        }

        if (CommentWindow.CheckDeadline(commentsDue, clock.Today) is { } invalid)
        {
            return new ValidationFailed([invalid]);
        }

        var due = commentsDue!.Value;
        if (due == draft.CommentsDue)
        {
            return due;
        }

        draft.CommentsDue = due;
        foreach (var task in await DraftCommands.OpenTasksAsync(db, draft, null, ct))
        {
            task.DueDate = task.Id == draft.OfficeWorkItemId ? CommentWindow.OfficeTaskDue(due) : due;
            task.Version++;
        }

        audit.Add(db, actor, AuditAction.Changed, "Draft", draft.Id.ToString(), draft.ReviewId, roles.Reference, $"draft {draft.Number}: CommentsDue");
        if (await DraftCommands.SaveAsync(db, draft, ct) is { } conflict)
        {
            return conflict;
        }

        return due;
    }
}
