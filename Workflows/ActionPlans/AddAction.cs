using Domain;
using Domain.Access;
using Domain.ActionPlans;
using Domain.Audit;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.ActionPlans;

/// AgreedOn: the day the action was agreed (the form's date box, today until changed; required: a cleared box is refused).
public sealed record ActionInput(int RecommendationId, string? What, int? OwnerAgencyId, string? OwnerUserId, DateOnly? DueDate, string? SuccessMeasure,
    DateOnly? AgreedOn = null);

/// An action for a recommendation, recorded by a review officer of the lead office once the review reaches CRG
/// sign-off. It opens the owner's task (an agency work item due on the action's due date), so the reminder scan
/// reminds the owner and escalates an overdue action to the agency's senior manager (Workflows/Reminders).
public sealed class AddActionHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public Task<Result<long>> HandleAsync(Actor actor, int reviewId, ActionInput input, CancellationToken ct = default) =>
        HandleAsync(actor, PlanOf.Review(reviewId), input, ct);

    /// An action of a review's plan, or of a learning source's (by the same rules, with no stage to wait for).
    public async Task<Result<long>> HandleAsync(Actor actor, PlanOf plan, ActionInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var (owner, refused) = await PlanOwners.ForChangeAsync(db, audit, actor, plan, "add an action", ct);
        if (refused is not null)
        {
            return refused;
        }

        if (!owner!.TakesActions)
        {
            return new Error("The action plan starts at CRG sign-off: submit the final report for sign-off first.");
        }

        var recommendation = await db.Recommendations.SingleOrDefaultAsync(r => r.Id == input.RecommendationId
            && r.ReviewId == plan.ReviewId && r.LearningSourceId == plan.LearningSourceId, ct);
        if (recommendation is null)
        {
            return new NotFound("The recommendation");
        }

        var errors = PlanAction.Validate(input.What, input.OwnerAgencyId, input.OwnerUserId, input.DueDate, input.SuccessMeasure, clock.Today).ToList();
        errors.AddRange(await ActionOwners.CheckAsync(db, owner.OfficeId, input.OwnerAgencyId, input.OwnerUserId, ct));
        if (ActionDates.CheckAgreed(input.AgreedOn, clock.Today, owner.AgreedSince, owner.AgreedSinceOn) is { } date)
        {
            errors.Add(date);
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var number = await db.PlanActions.Where(a => a.RecommendationId == recommendation.Id).Select(a => (int?)a.Number).MaxAsync(ct) ?? 0;
        var action = new PlanAction
        {
            Plan = plan,
            RecommendationId = recommendation.Id,
            Number = number + 1,
            What = input.What!.Trim(),
            OwnerAgencyId = input.OwnerAgencyId!.Value,
            OwnerUserId = input.OwnerUserId!,
            DueDate = input.DueDate!.Value,
            SuccessMeasure = input.SuccessMeasure!.Trim(),
            Status = ActionStatus.NotStarted,
            AgreedOn = input.AgreedOn!.Value,
            CreatedAtUtc = clock.UtcNow,
            CreatedByUserId = actor.UserId,
        };
        db.PlanActions.Add(action);
        var label = PlanAction.Label(recommendation.Number, action.Number);
        audit.Add(db, actor, AuditAction.Created, "PlanAction", null, plan.ReviewId, owner.Reference,
            $"action {label}: owner agency {action.OwnerAgencyId}, due {action.DueDate:yyyy-MM-dd}");
        action.WorkItem = OwnerTask.Deliver(db, action, label, clock.UtcNow);
        await db.SaveChangesAsync(ct);
        return action.Id;
    }
}

/// Who may own an action of a review led by this office: an active agency working with the office, and one of that
/// agency's active contacts the office may give work to.
internal static class ActionOwners
{
    public static async Task<IReadOnlyList<Error>> CheckAsync(IReviewDb db, int leadOfficeId, int? agencyId, string? userId, CancellationToken ct)
    {
        if (agencyId is not int agency)
        {
            return [];
        }

        if (!await AgencyContacts.AgenciesOf(db, leadOfficeId).AnyAsync(o => o.Id == agency, ct))
        {
            return [new Error("Choose an active agency that works with this review's office from the list (an administrator records which agencies work with an office).",
                nameof(ActionInput.OwnerAgencyId))];
        }

        return !string.IsNullOrWhiteSpace(userId) && !await AgencyContacts.ForOffice(db, leadOfficeId, agency).AnyAsync(c => c.UserId == userId, ct)
            ? [new Error("Choose an active agency contact of the owning agency (invite one first if there is none).", nameof(ActionInput.OwnerUserId))]
            : [];
    }
}

/// The owner's tasks: offered to the owner by name and addressed to the agency (so the agency's contacts see them and
/// its senior manager hears when one is overdue). Not process steps. "Deliver" closes when the owner reports the action
/// completed; the impact review closes when it is answered.
internal static class OwnerTask
{
    public static WorkItem? Deliver(IReviewDb db, PlanAction action, string label, DateTime nowUtc) =>
        Open(db, action, WorkItemKind.DeliverAction, $"Action {label} of the action plan", action.DueDate, nowUtc);

    public static WorkItem? ImpactReview(IReviewDb db, PlanAction action, string label, DateOnly answerBy, DateTime nowUtc) =>
        Open(db, action, WorkItemKind.ActionImpactReview, $"Impact review of action {label}", answerBy, nowUtc);

    /// No task for a learning source's action yet: a work item belongs to a review (WorkItem.ReviewId).
    private static WorkItem? Open(IReviewDb db, PlanAction action, WorkItemKind kind, string title, DateOnly due, DateTime nowUtc)
    {
        if (action.ReviewId is not int reviewId)
        {
            return null;
        }

        var item = new WorkItem
        {
            ReviewId = reviewId,
            Kind = kind,
            Title = title,
            IsProcessStep = false,
            CandidateRole = Role.AgencyContact,
            AgencyId = action.OwnerAgencyId,
            CandidateUserId = action.OwnerUserId,
            DueDate = due,
            Priority = WorkItemPriority.Normal,
            Status = WorkItemStatus.Open,
            CreatedAtUtc = nowUtc,
        };
        db.WorkItems.Add(item);
        return item;
    }
}
