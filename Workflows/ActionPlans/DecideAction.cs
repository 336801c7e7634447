using Domain;
using Domain.Access;
using Domain.ActionPlans;
using Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Email;
using Workflows.Time;

namespace Workflows.ActionPlans;

/// A review officer of the lead office signs off an action its owner reported completed (the impact review is then
/// due Actions:ImpactReviewMonths later), or returns it with a reason: the action is open again with a new task for
/// the owner, and the owner is told why by email.
public sealed class DecideActionHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, IOutbox outbox, EmailOptions email,
    ActionPlanOptions options)
{
    public const int CommentMaxLength = PlanAction.ReasonMaxLength;

    public Task<Result<int>> SignOffAsync(Actor actor, long actionId, string? comment, int? expectedVersion = null, CancellationToken ct = default) =>
        DecideAsync(actor, actionId, signOff: true, comment, expectedVersion, ct);

    public Task<Result<int>> ReturnAsync(Actor actor, long actionId, string? reason, int? expectedVersion = null, CancellationToken ct = default) =>
        DecideAsync(actor, actionId, signOff: false, reason, expectedVersion, ct);

    private async Task<Result<int>> DecideAsync(Actor actor, long actionId, bool signOff, string? text, int? expectedVersion, CancellationToken ct)
    {
        await using var db = await dbs.CreateAsync(ct);
        var what = signOff ? "sign off an action" : "return an action";
        var action = await db.PlanActions.SingleOrDefaultAsync(a => a.Id == actionId, ct);
        if (action is null || !(await ActionPlanAccess.ForPlanAsync(db, actor, action.Plan, ct)).CanManage)
        {
            await audit.RefusedAsync(db, actor, "PlanAction", actionId.ToString(), action?.ReviewId, what, ct);
            return new AccessRefused("this action (review officers of the lead office sign actions off)");
        }

        if (expectedVersion is int expected && expected != action.Version)
        {
            return new Conflict("This action");
        }

        if (action.Status != ActionStatus.Completed)
        {
            return new Error(action.Status == ActionStatus.SignedOff
                ? "This action is already signed off."
                : "Only an action its owner reported completed can be signed off or returned.");
        }

        var trimmed = text?.Trim();
        if (!signOff && string.IsNullOrEmpty(trimmed))
        {
            return new ValidationFailed([new Error("Say why the action is returned and what the agency still needs to do.", "Reason")]);
        }

        if (trimmed?.Length > CommentMaxLength)
        {
            return new ValidationFailed([new Error($"Keep it to {CommentMaxLength} characters or fewer.", "Reason")]);
        }

        var review = (await PlanOwners.LoadAsync(db, action, ct))!;
        var label = await PostActionUpdateHandler.LabelAsync(db, action, ct);
        var now = clock.UtcNow;
        var update = new ActionUpdate
        {
            ActionId = action.Id,
            Kind = signOff ? ActionUpdateKind.SignedOff : ActionUpdateKind.Returned,
            Text = string.IsNullOrEmpty(trimmed) ? "Signed off." : trimmed,
            AsAt = clock.Today,
            AtUtc = now,
            ByUserId = actor.UserId,
        };
        if (signOff)
        {
            action.Status = ActionStatus.SignedOff;
            action.SignedOffOn = clock.Today;
            action.SignedOffByUserId = actor.UserId;
            action.ImpactReviewDueOn = ActionStatuses.ImpactReviewDue(clock.Today, options.ImpactReviewMonths);
        }
        else
        {
            action.Status = ActionStatus.OnTrack;
            action.CompletedOn = null;
            action.ReturnReason = trimmed;
            action.WorkItem = OwnerTask.Deliver(db, action, label, now);
        }

        update.Status = action.Status;
        action.Version++;
        db.ActionUpdates.Add(update);
        audit.Add(db, actor, AuditAction.Changed, "PlanAction", action.Id.ToString(), action.ReviewId, review.Reference,
            signOff ? $"signed off action {label}" : $"returned action {label} to its owner");
        if (!signOff && await db.Users.Where(u => u.Id == action.OwnerUserId && !u.IsDisabled).Select(u => u.Email).SingleOrDefaultAsync(ct) is string to)
        {
            await outbox.EnqueueAsync(db, new OutgoingEmail(to, action.OwnerUserId, ActionPlanEmails.Returned, $"action-returned:{action.Id}:v{action.Version}", "ActionReturned",
                new Dictionary<string, string>
                {
                    ["CaseLabel"] = review.EmailLabel,
                    ["Reference"] = review.Reference,
                    ["Action"] = label,
                    ["Link"] = email.LinkTo($"actions/{action.Id}"),
                    ["PortalBaseUrl"] = email.PortalBaseUrl,
                }, ReviewId: action.ReviewId), ct);
        }

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
