using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Panels;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Panels;

/// After the meeting: an action agreed, with its owner and due date.
public sealed class AddMeetingActionHandler(IReviewDbFactory dbs, AuditLog audit, BusinessClock clock)
{
    public async Task<Result<long>> HandleAsync(Actor actor, long meetingId, string? text, string? owner, DateOnly? due, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var meeting = await db.PanelMeetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        var access = await PanelAccess.CheckAsync(db, audit, actor, meeting?.ReviewId ?? 0, manage: true, "add a meeting action", ct);
        if (!access.IsSuccess || meeting is null)
        {
            return access.Error ?? new NotFound("The meeting");
        }

        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > MeetingAction.TextMaxLength)
        {
            errors.Add(new Error($"Describe the action in up to {MeetingAction.TextMaxLength} characters.", "ActionText"));
        }

        if (string.IsNullOrWhiteSpace(owner) || owner.Trim().Length > MeetingAction.OwnerMaxLength)
        {
            errors.Add(new Error("Say who owns the action (an agency or role, no case names).", "ActionOwner"));
        }

        if (due is null)
        {
            errors.Add(new Error("Give the action a due date.", "ActionDue"));
        }
        else if (due < clock.Today)
        {
            errors.Add(new Error("The due date has already passed: choose today or a later date.", "ActionDue"));
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var action = new MeetingAction { MeetingId = meetingId, Text = text!.Trim(), Owner = owner!.Trim(), DueDate = due!.Value, CreatedAtUtc = clock.UtcNow };
        db.MeetingActions.Add(action);
        audit.Add(db, actor, AuditAction.Created, "PanelAction", meetingId.ToString(), meeting.ReviewId, access.Value.Reference, "meeting action added");
        await db.SaveChangesAsync(ct);
        return action.Id;
    }
}
