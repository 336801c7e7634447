using Domain.Requests;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Email;
using Workflows.Process;

namespace Workflows.Reviews;

/// What closing or stopping a review ends besides its tasks and clocks: its open agency requests are withdrawn, its
/// panel members lose access, and the agency contacts asked, the panel members and the chair/author are told by email
/// (the case reference and a link only), once per person and close. The one place for it: the engine calls it for
/// every transition to Closed (IClosingWork). Reopening gives the panel members back the access that close ended; the
/// withdrawn requests are not sent again by themselves (an agency may no longer be needed, or the contact has changed):
/// the journal names them and the review page lists them for the officer to send again (WithdrawnRequestsQuery). The
/// people a close told are told of the reopening too, the same way.
public sealed class ClosingWork(IOutbox outbox, EmailOptions email) : IClosingWork
{
    public const string ClosedReason = "ReviewClosed";

    public const string StoppedReason = "ReviewStopped";

    public const string ReopenedReason = "ReviewReopened";

    public async Task ClosedAsync(ReviewCommand command, Trigger trigger, CancellationToken ct)
    {
        var (db, review) = (command.Db, command.Review);
        var told = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in await db.InformationRequests
                     .Where(r => r.ReviewId == review.Id && (r.Status == RequestStatus.Sent || r.Status == RequestStatus.MoreInformationRequested)).ToListAsync(ct))
        {
            // Its task was cancelled with the review's other tasks.
            request.Status = RequestStatus.Withdrawn;
            request.Version++;
            told.Add(request.ContactUserId);
        }

        foreach (var participant in review.Participants.Where(p => p.RevokedAtUtc is null))
        {
            if (participant.Kind == ParticipantKind.PanelMember)
            {
                participant.RevokedAtUtc = command.NowUtc;
            }

            if (participant.Kind is ParticipantKind.PanelMember or ParticipantKind.ChairAuthor)
            {
                told.Add(participant.UserId);
            }
        }

        var (reason, occurrence) = trigger == Trigger.StopReview ? (StoppedReason, "stopped") : (ClosedReason, "closed");
        await TellAsync(command, told, reason, occurrence, ct);
    }

    public async Task ReopeningAsync(ReviewCommand command, CaseChanges changes, ClosingStep close, CancellationToken ct)
    {
        var restored = command.Review.Participants
            .Where(p => p.Kind == ParticipantKind.PanelMember && p.RevokedAtUtc == close.RecordedAtUtc).ToList();
        foreach (var participant in restored)
        {
            participant.RevokedAtUtc = null;
        }

        if (restored.Count > 0)
        {
            changes.Note($"Panel access given back to {restored.Count} {(restored.Count == 1 ? "member" : "members")}.");
        }

        var withdrawnTo = await WithdrawnRequestsQuery.StillWithdrawn(command.Db, command.Review.Id).Select(r => r.ContactUserId).ToListAsync(ct);
        var withdrawn = withdrawnTo.Count;
        if (withdrawn > 0)
        {
            changes.Note(withdrawn == 1
                ? "1 agency request withdrawn when it closed is not sent again: send it again from the review page if it is still needed."
                : $"{withdrawn} agency requests withdrawn when it closed are not sent again: send them again from the review page if they are still needed.");
        }

        // The people the close told: the panel members given their access back, the chair/author, and the contacts whose
        // requests stay withdrawn (told that a new request comes if one is still needed).
        var told = restored.Select(p => p.UserId)
            .Concat(command.Review.Participants.Where(p => p.Kind == ParticipantKind.ChairAuthor && p.RevokedAtUtc is null).Select(p => p.UserId))
            .Concat(withdrawnTo).ToHashSet(StringComparer.Ordinal);
        var sent = await TellAsync(command, told, ReopenedReason, "reopened", ct);
        if (sent > 0)
        {
            changes.Note($"Told by email: {sent} {(sent == 1 ? "person" : "people")} (the case reference only).");
        }
    }

    /// One email to each person (by the case reference and a link only), once per person and occurrence: the review's
    /// version tells a later close or reopening apart. Returns how many were queued.
    private async Task<int> TellAsync(ReviewCommand command, HashSet<string> userIds, string reason, string occurrence, CancellationToken ct)
    {
        var (db, review) = (command.Db, command.Review);
        var addresses = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.Email != null).Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        foreach (var user in addresses.OrderBy(u => u.Id, StringComparer.Ordinal))
        {
            var values = new Dictionary<string, string>
            {
                ["Reference"] = review.Reference,
                ["Link"] = email.LinkTo(string.Empty),
                ["PortalBaseUrl"] = email.PortalBaseUrl,
            };
            await outbox.EnqueueAsync(db, new OutgoingEmail(user.Email!, user.Id, reason, $"review:{review.Id}:{occurrence}:{review.Version}", reason,
                values, ReviewId: review.Id), ct);
        }

        return addresses.Count;
    }
}
