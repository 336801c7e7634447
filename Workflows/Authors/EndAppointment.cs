using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Authors;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Process;
using Workflows.Time;

namespace Workflows.Authors;

/// Ends an appointment (e.g. the chair resigns): the person's participant row is revoked at once (their access ends
/// on their next request), the review's journal and the audit trail record it, and a task to appoint someone new
/// is opened; the officer can then reopen the expression of interest.
public sealed class EndAppointmentHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, DeadlineSettings deadlines)
{
    /// endedOn: the day it ended (today when not given): not in the future, not before the appointment.
    public async Task<Result<long>> HandleAsync(Actor actor, long appointmentId, string? reason, int? expectedVersion, DateOnly? endedOn = null,
        CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var appointment = await db.AuthorAppointments.SingleOrDefaultAsync(a => a.Id == appointmentId, ct);
        if (appointment is null)
        {
            await audit.RefusedAsync(db, actor, "AuthorAppointment", appointmentId.ToString(), null, "end an appointment", ct);
            return new AccessRefused("this appointment");
        }

        var found = await Commissioning.LeadOfficerReviewAsync(db, actor, appointment.ReviewId, audit, "end an appointment", ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var review = found.Value;
        if (expectedVersion is int expected && expected != review.Version)
        {
            return new Conflict("This review");
        }

        if (!appointment.IsActive)
        {
            return new Error("This appointment has already ended.");
        }

        var text = reason?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return new ValidationFailed([new Error("Enter the reason the appointment ends, for example \"Resigned for personal reasons\".", "Reason")]);
        }

        if (text.Length > AuthorAppointment.EndReasonMaxLength)
        {
            return new ValidationFailed([new Error($"The reason must be {AuthorAppointment.EndReasonMaxLength} characters or fewer.", "Reason")]);
        }

        var now = clock.UtcNow;
        var on = endedOn ?? clock.Today;
        if (on > clock.Today)
        {
            return new ValidationFailed([new Error("The date cannot be in the future.", "EndedOn")]);
        }

        if (on < appointment.AppointedOn)
        {
            return new ValidationFailed([new Error($"The appointment cannot end before it began ({UkDate.Format(appointment.AppointedOn)}).", "EndedOn")]);
        }

        appointment.EndedOn = on;
        appointment.EndReason = text;
        appointment.EndedByUserId = actor.UserId;
        var stillAppointed = await db.AuthorAppointments.AnyAsync(a => a.ReviewId == review.Id && a.UserId == appointment.UserId && a.Id != appointment.Id && a.EndedOn == null, ct);
        if (!stillAppointed)
        {
            foreach (var p in review.Participants.Where(p => p.UserId == appointment.UserId && p.Kind == ParticipantKind.ChairAuthor && p.RevokedAtUtc == null))
            {
                p.RevokedAtUtc = now;
            }
        }

        var changes = await CaseChanges.LoadAsync(db, review, actor, now, deadlines, ct);
        changes.Note($"{AuthorAppointment.Describe(appointment.Role)} appointment ended; access to the case removed.");
        if (!review.HasActiveChairAuthor && changes.OpenItems.All(w => w.Kind != WorkItemKind.AppointAuthor) && review.Stage is not (Stage.Closed or Stage.OnHold))
        {
            changes.OpenItem(WorkItemKind.AppointAuthor, "Appoint a new independent chair/author");
        }

        changes.Journal(JournalKind.AppointmentEnded, review.Stage, null, text, on);
        review.Version++;
        audit.Add(db, actor, AuditAction.Changed, "AuthorAppointment", appointment.Id.ToString(), review.Id, review.Reference,
            $"{AuthorAppointment.Describe(appointment.Role)} appointment ended; participant access revoked");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("This review");
        }

        return appointment.Id;
    }
}
