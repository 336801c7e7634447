using Domain.Access;
using Domain.Calendar;
using Domain.Email;
using Domain.Organisations;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;
using Workflows.Email;
using Workflows.Process;

namespace Workflows.Admin;

/// An administrator moved a CSP to another review office (issue 13, finding 8). A review's lead office is its lead CSP's
/// current serving office, everywhere: Review.LeadOfficeId is kept equal to it here, in the administrator's transaction,
/// so that every check reading it (CaseScope, drafts and the family log, information requests and returns, panels,
/// action plans, work queues, reminders) agrees from the next request with the CSPs CaseScope finds an office serves.
/// The old office loses what it had by leading; the new office gains it; each affected review's timeline says so.
internal static class CspMove
{
    /// Stages the move of the reviews the CSP leads and the journal entries of the reviews it takes part in; returns the
    /// number of reviews whose lead office changed. The caller saves, with the organisation's change and its audit row.
    public static async Task<int> StageAsync(IReviewDb db, Actor actor, Organisation csp, int? fromOfficeId, int toOfficeId, DateTime nowUtc,
        CancellationToken ct)
    {
        var offices = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.ReviewOffice).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var to = offices[toOfficeId];
        var led = await db.Reviews.Where(r => r.LeadCspId == csp.Id && r.LeadOfficeId != toOfficeId).ToListAsync(ct);
        foreach (var review in led)
        {
            var from = offices.GetValueOrDefault(review.LeadOfficeId, "its former office");
            review.LeadOfficeId = toOfficeId;
            review.Version++;
            Record(db, review, actor, nowUtc,
                $"Lead office changed from {from} to {to}: {csp.Name} is now served by {to}, which runs this review from now on. "
                + $"{from} no longer sees its drafts, family log, information returns or tasks; its open tasks went to {to}'s team queue.");
        }

        if (led.Count > 0)
        {
            await HandOverAsync(db, led.Select(r => r.Id).ToList(), toOfficeId, nowUtc, ct);
        }

        // The CSP's learning sources go with it: the new office manages their action plans, as it does the reviews'.
        foreach (var source in await db.LearningSources.Where(s => s.CspId == csp.Id && s.OfficeId != toOfficeId).ToListAsync(ct))
        {
            source.OfficeId = toOfficeId;
            source.Version++;
        }

        var involved = await db.Reviews.Where(r => r.LeadCspId != csp.Id && r.InvolvedCsps.Any(c => c.CspId == csp.Id)).ToListAsync(ct);
        var fromName = fromOfficeId is int f ? offices.GetValueOrDefault(f, "its former office") : "no office";
        foreach (var review in involved)
        {
            Record(db, review, actor, nowUtc,
                $"{csp.Name}, which takes part in this review, is now served by {to} instead of {fromName}: {to}'s staff read this review from now on.");
        }

        return led.Count;
    }

    /// Open tasks offered to the old office go to the new office's team queue (unclaimed: the old office's staff had
    /// them); reminders not yet sent to the old office's staff are cancelled (the next reminder scan writes to the new
    /// office's); cases not yet decided on the old office's CRG agendas come off them.
    private static async Task HandOverAsync(IReviewDb db, List<int> reviewIds, int toOfficeId, DateTime nowUtc, CancellationToken ct)
    {
        var items = await db.WorkItems
            .Where(w => w.ReviewId != null && reviewIds.Contains(w.ReviewId.Value) && w.Status == WorkItemStatus.Open && w.OfficeId != null && w.OfficeId != toOfficeId)
            .ToListAsync(ct);
        var oldOffices = items.Select(w => w.OfficeId!.Value).ToHashSet();
        foreach (var item in items)
        {
            item.OfficeId = toOfficeId;
            if (item.AssigneeUserId is not null)
            {
                item.Assign(null, nowUtc);
            }
            else
            {
                item.Version++;
            }
        }

        var newStaff = db.Memberships.Where(m => m.OrganisationId == toOfficeId).Select(m => m.UserId);
        var oldStaff = await db.Memberships.Where(m => oldOffices.Contains(m.OrganisationId) && !newStaff.Contains(m.UserId))
            .Select(m => m.UserId).Distinct().ToListAsync(ct);
        var reasons = EmailReasons.AboutDeadlines.ToList();
        // The transaction is the caller's: this update is undone with the rest if the move is not saved.
        await db.OutboxMessages
            .Where(m => m.ReviewId != null && reviewIds.Contains(m.ReviewId.Value) && reasons.Contains(m.Reason)
                && (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Failed)
                && m.RecipientUserId != null && oldStaff.Contains(m.RecipientUserId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Cancelled), ct);

        var undecided = await (from i in db.CrgAgendaItems
                               join m in db.CrgMeetings on i.MeetingId equals m.Id
                               where reviewIds.Contains(i.ReviewId) && i.Outcome == null && m.OfficeId != toOfficeId
                               select i).ToListAsync(ct);
        db.CrgAgendaItems.RemoveRange(undecided);
    }

    // The move happens when it is saved.
    private static void Record(IReviewDb db, Domain.Reviews.Review review, Actor actor, DateTime nowUtc, string detail) =>
        CaseChanges.Record(db, review, actor, nowUtc, JournalKind.OfficeChanged, detail, London.DateOf(nowUtc));
}
