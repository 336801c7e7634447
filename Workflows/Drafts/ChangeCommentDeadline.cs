using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Drafts;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Drafts;

/// The lead office or the appointed chair/author moves the deadline of an open round (not into the past); the panel
/// members' open tasks move with it.
public sealed class ChangeCommentDeadlineHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<DateOnly>> HandleAsync(Actor actor, long draftId, DateOnly? commentsDue, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var draft = await db.Drafts.SingleOrDefaultAsync(d => d.Id == draftId, ct);
        var roles = draft is null ? null : await ReviewRoles.LoadAsync(db, actor, draft.ReviewId, ct);
        if (draft is null || roles is not { ManagesDrafts: true })
        {
            await audit.RefusedAsync(db, actor, "Draft", draftId.ToString(), draft?.ReviewId, "change comment deadline", ct);
            return new AccessRefused("this draft's comment deadline");
        }

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
        draft.Version++;
        foreach (var task in await DraftTasks.OpenAsync(db, draft, null, ct))
        {
            task.DueDate = task.Id == draft.OfficeWorkItemId ? CommentWindow.OfficeTaskDue(due) : due;
            task.Version++;
        }

        audit.Add(db, actor, AuditAction.Changed, "Draft", draft.Id.ToString(), draft.ReviewId, roles.Reference, $"draft {draft.Number}: CommentsDue");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict($"Draft {draft.Number}");
        }

        return due;
    }
}
