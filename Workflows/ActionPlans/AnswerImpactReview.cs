using Domain;
using Domain.Access;
using Domain.ActionPlans;
using Domain.Audit;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.ActionPlans;

/// A contact of the owning agency answers the impact review of a signed-off action: is the change still in place, and
/// what difference did it make (confirmed, not evidenced, not sustained, with a comment). Closes the impact task.
public sealed class AnswerImpactReviewHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<int>> HandleAsync(Actor actor, long actionId, ImpactOutcome? outcome, string? comment, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var action = await db.PlanActions.Include(a => a.ImpactWorkItem).SingleOrDefaultAsync(a => a.Id == actionId, ct);
        if (action is null || !ActionPlanAccess.IsOwnerContact(actor, action, await ActionPlanAccess.LeadOfficeAsync(db, action, ct)))
        {
            await audit.RefusedAsync(db, actor, "PlanAction", actionId.ToString(), action?.ReviewId, "answer the impact review", ct);
            return new AccessRefused("this action (its owner at the owning agency answers its impact review)");
        }

        if (action.ImpactRequestedOn is null)
        {
            return new Error("The impact review of this action has not been asked for yet.");
        }

        if (action.ImpactOutcome is not null)
        {
            return new Error("The impact review of this action has already been answered.");
        }

        var errors = new List<Error>();
        if (outcome is null)
        {
            errors.Add(new Error("Choose whether the change is still in place and made a difference.", "Outcome"));
        }

        if (string.IsNullOrWhiteSpace(comment))
        {
            errors.Add(new Error("Say what difference the change made, or why it did not last.", "Comment"));
        }
        else if (comment.Trim().Length > PlanAction.ReasonMaxLength)
        {
            errors.Add(new Error($"The comment must be {PlanAction.ReasonMaxLength} characters or fewer.", "Comment"));
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var now = clock.UtcNow;
        action.ImpactOutcome = outcome;
        action.ImpactComment = comment!.Trim();
        action.ImpactAnsweredAtUtc = now;
        action.ImpactAnsweredByUserId = actor.UserId;
        action.Version++;
        if (action.ImpactWorkItem is { IsOpen: true } item)
        {
            item.Close(WorkItemStatus.Completed, $"Impact review answered: {outcome}", actor.UserId, now);
        }

        db.ActionUpdates.Add(new ActionUpdate
        {
            ActionId = action.Id, Kind = ActionUpdateKind.ImpactReview, Text = $"{ActionStatuses.Describe(outcome!.Value)}. {action.ImpactComment}",
            Status = action.Status, AsAt = clock.Today, AtUtc = now, ByUserId = actor.UserId,
        });
        var reference = (await PlanOwners.LoadAsync(db, action, ct))!.Reference;
        audit.Add(db, actor, AuditAction.Changed, "PlanAction", action.Id.ToString(), action.ReviewId, reference, $"impact review answered: {outcome}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("This action");
        }

        return action.Version;
    }
}
