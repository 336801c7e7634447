using Domain;
using Domain.Access;
using Domain.ActionPlans;
using Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.ActionPlans;

/// The office that manages a review's actions (review officers of the lead office, and the CSP's action plan team where
/// there is one: ActionPlanAccess) re-plans an open action: its
/// wording, owner and due date, with a reason and the day it was agreed. Each changed field is kept in the action's history (ActionChange); the
/// owner's task follows, so reminders and escalation work to the new due date and the new owner (ActionReplanning.Apply),
/// and a new owner's contact is emailed (ActionPlanMail).
public sealed class ReplanActionHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, ActionPlanMail mail)
{
    public async Task<Result<int>> HandleAsync(Actor actor, long actionId, ActionReplan replan, int? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var action = await db.PlanActions.Include(a => a.WorkItem).SingleOrDefaultAsync(a => a.Id == actionId, ct);
        if (action is null || !(await ActionPlanAccess.ForPlanAsync(db, actor, action.Plan, ct)).CanManage)
        {
            await audit.RefusedAsync(db, actor, "PlanAction", actionId.ToString(), action?.ReviewId, "re-plan an action", ct);
            return new AccessRefused("this action (review officers of the lead office re-plan actions)");
        }

        if (expectedVersion is int expected && expected != action.Version)
        {
            return new Conflict("This action");
        }

        var review = (await PlanOwners.LoadAsync(db, action, ct))!;
        var latest = await db.ActionChanges.Where(c => c.ActionId == action.Id).MaxAsync(c => (DateOnly?)c.AgreedOn, ct);
        var errors = ActionReplanning.Validate(action, replan, clock.Today, latest).ToList();
        if (action.IsOpen)
        {
            errors.AddRange(await ActionOwners.CheckAsync(db, review.OfficeId, replan.OwnerAgencyId, replan.OwnerUserId, ct));
        }

        if (errors.Count > 0)
        {
            return errors is [{ Field: null } only] ? only : new ValidationFailed(errors);
        }

        var agencies = new[] { action.OwnerAgencyId, replan.OwnerAgencyId!.Value };
        var users = new[] { action.OwnerUserId, replan.OwnerUserId! };
        var agencyNames = (await db.Organisations.AsNoTracking().Where(o => agencies.Contains(o.Id)).Select(o => new { o.Id, o.Name, o.Kind, o.Group }).ToListAsync(ct))
            .ToDictionary(o => o.Id, o => Domain.Organisations.DeliveryGroups.OwnerName(o.Name, o.Kind, o.Group));
        var userNames = await db.Users.AsNoTracking().Where(u => users.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var label = await PostActionUpdateHandler.LabelAsync(db, action, ct);
        var ownerBefore = action.OwnerUserId;
        var changes = ActionReplanning.Apply(action, replan,
            (agency, user) => $"{agencyNames.GetValueOrDefault(agency, "(agency removed)")} ({userNames.GetValueOrDefault(user, "(account removed)")})",
            actor.UserId, clock.UtcNow);
        db.ActionChanges.AddRange(changes);
        if (action.OwnerUserId != ownerBefore)
        {
            await mail.NewOwnerAsync(db, action, label, review.Reference, ct);
        }

        // The audit row names the fields and dates, not the wording (which may say more than an audit list should).
        audit.Add(db, actor, AuditAction.Changed, "PlanAction", action.Id.ToString(), action.ReviewId, review.Reference,
            $"re-planned action {label} agreed on {changes[0].AgreedOn:yyyy-MM-dd}: {string.Join(", ", changes.Select(c => c.Field == ActionChangeField.DueDate
                ? $"due {c.OldValue} to {c.NewValue}"
                : c.Field == ActionChangeField.What ? "wording"
                : agencies[0] == agencies[1] ? "owner's contact" : $"owner agency {agencies[0]} to {agencies[1]}"))}");
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
