using Domain.Calendar;

namespace Domain.ActionPlans;

/// What a re-plan may change.
public enum ActionChangeField
{
    What,
    Owner,
    DueDate,
}

/// One change to an action's plan by the office that manages it: the field, its old and new value as shown then
/// (an owner as "Agency (contact name)", a date as "23 Nov 2026"), the reason and who recorded it when.
public sealed class ActionChange
{
    public const int ValueMaxLength = PlanAction.WhatMaxLength;

    public long Id { get; set; }

    public long ActionId { get; set; }

    public ActionChangeField Field { get; set; }

    public required string OldValue { get; set; }

    public required string NewValue { get; set; }

    public required string Reason { get; set; }

    /// The day the change was agreed (entered, a London date; the form offers today): the board appendix reads it.
    public DateOnly AgreedOn { get; set; }

    /// When it was recorded (metadata).
    public DateTime AtUtc { get; set; }

    public required string ByUserId { get; set; }

    public static string Describe(ActionChangeField field) => field switch
    {
        ActionChangeField.What => "What will be done",
        ActionChangeField.Owner => "Owner",
        ActionChangeField.DueDate => "Due date",
        _ => field.ToString(),
    };
}

/// A re-plan as asked for: the action's wording, owner and due date after it (unchanged ones as they were), why, and
/// the day it was agreed (the form's date box, today until changed; required: a cleared box is refused).
public sealed record ActionReplan(string? What, int? OwnerAgencyId, string? OwnerUserId, DateOnly? DueDate, string? Reason, DateOnly? AgreedOn = null);

/// The rules of a re-plan, apart from the owner's existence (the handler checks it against the office's agencies).
public static class ActionReplanning
{
    /// Field errors, or none. Changing nothing is refused (a history row says what changed); a new due date cannot be in
    /// the past, but an unchanged overdue one may stay while the wording or owner changes; the day it was agreed follows
    /// ActionDates (latestReplan: the agreed date of the action's latest re-plan, if any).
    public static IReadOnlyList<Error> Validate(PlanAction action, ActionReplan replan, DateOnly today, DateOnly? latestReplan = null)
    {
        var errors = new List<Error>();
        if (!action.IsOpen)
        {
            errors.Add(new Error(action.Status == ActionStatus.SignedOff
                ? "This action is signed off: it can no longer be re-planned."
                : "This action is waiting for sign-off: return it to its owner first if it needs re-planning."));
            return errors;
        }

        errors.AddRange(PlanAction.WhatAndOwnerErrors(replan.What, replan.OwnerAgencyId, replan.OwnerUserId));

        if (replan.DueDate is not DateOnly due)
        {
            errors.Add(new Error("Enter the date by which the action will be done.", nameof(ActionReplan.DueDate)));
        }
        else if (due != action.DueDate && due < today)
        {
            errors.Add(new Error("The new due date cannot be in the past.", nameof(ActionReplan.DueDate)));
        }

        if (ActionDates.CheckReplan(replan.AgreedOn, today, action, latestReplan) is { } date)
        {
            errors.Add(date);
        }

        var changed = Changes(action, replan).Any();
        var reason = replan.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            errors.Add(new Error(replan.DueDate is DateOnly d && d != action.DueDate
                ? "Say why the due date changes: it is kept in the action's history and shown to the board."
                : "Say why the action changes: it is kept in the action's history.", nameof(ActionReplan.Reason)));
        }
        else if (reason.Length > PlanAction.ReasonMaxLength)
        {
            errors.Add(new Error($"The reason must be {PlanAction.ReasonMaxLength} characters or fewer.", nameof(ActionReplan.Reason)));
        }

        if (errors.Count == 0 && !changed)
        {
            errors.Add(new Error("Nothing has changed: change the wording, the owner or the due date, or cancel."));
        }

        return errors;
    }

    /// The fields the re-plan changes (the owner as one field: agency and contact together).
    public static IEnumerable<ActionChangeField> Changes(PlanAction action, ActionReplan replan)
    {
        if (replan.What is not null && replan.What.Trim() != action.What)
        {
            yield return ActionChangeField.What;
        }

        if ((replan.OwnerAgencyId is int agency && agency != action.OwnerAgencyId) || (replan.OwnerUserId is { } user && user != action.OwnerUserId))
        {
            yield return ActionChangeField.Owner;
        }

        if (replan.DueDate is DateOnly due && due != action.DueDate)
        {
            yield return ActionChangeField.DueDate;
        }
    }

    /// Applies a valid re-plan: the history rows (ownerName gives "Agency (contact)" for an owner), the action changed,
    /// and the owner's open task following it (its due date drives reminders and escalation, whose occurrence keys
    /// hold the due date: a new date gets a fresh ladder and the old date's unsent messages are cancelled).
    public static IReadOnlyList<ActionChange> Apply(PlanAction action, ActionReplan replan, Func<int, string, string> ownerName, string byUserId, DateTime nowUtc)
    {
        var reason = replan.Reason!.Trim();
        var agreedOn = replan.AgreedOn ?? London.DateOf(nowUtc);
        var changes = new List<ActionChange>();
        ActionChange Change(ActionChangeField field, string from, string to) => new()
        {
            ActionId = action.Id, Field = field, OldValue = from, NewValue = to, Reason = reason, AgreedOn = agreedOn, AtUtc = nowUtc, ByUserId = byUserId,
        };

        foreach (var field in Changes(action, replan).ToList())
        {
            switch (field)
            {
                case ActionChangeField.What:
                    changes.Add(Change(field, action.What, replan.What!.Trim()));
                    action.What = replan.What!.Trim();
                    break;
                case ActionChangeField.Owner:
                    changes.Add(Change(field, ownerName(action.OwnerAgencyId, action.OwnerUserId), ownerName(replan.OwnerAgencyId!.Value, replan.OwnerUserId!)));
                    action.OwnerAgencyId = replan.OwnerAgencyId!.Value;
                    action.OwnerUserId = replan.OwnerUserId!;
                    break;
                case ActionChangeField.DueDate:
                    changes.Add(Change(field, UkDate.Format(action.DueDate), UkDate.Format(replan.DueDate!.Value)));
                    action.DueDate = replan.DueDate!.Value;
                    break;
            }
        }

        if (action.WorkItem is { IsOpen: true } task)
        {
            task.DueDate = action.DueDate;
            if (task.AgencyId != action.OwnerAgencyId || task.CandidateUserId != action.OwnerUserId)
            {
                // The task goes to the new owner; whoever of the old agency had taken it no longer holds it.
                task.AgencyId = action.OwnerAgencyId;
                task.CandidateUserId = action.OwnerUserId;
                task.Assign(null, nowUtc);
            }
            else
            {
                task.Version++;
            }
        }

        action.Version++;
        return changes;
    }
}
