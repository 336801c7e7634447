using Domain;
using Domain.Access;
using Domain.Requests;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Data;
using Workflows.Email;
using Workflows.Process;

namespace Workflows.Reviews;

/// Stops (decommissions) a review with the Home Office's agreement, in one transaction: the engine closes it (its
/// tasks, clocks, timers and so its reminders end; StopReviewArgs), its open agency requests are withdrawn, its panel
/// members lose access, and the agency contacts, panel members and chair/author are told by email (the case reference
/// and a link only).
public sealed class StopReviewHandler(IReviewDbFactory dbs, WorkflowEngine engine, IOutbox outbox, EmailOptions email)
{
    public const string EmailReason = "ReviewStopped";

    public async Task<Result<TransitionResult>> HandleAsync(Actor actor, int reviewId, StopReviewArgs args, string idempotencyKey, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var opened = await engine.OpenAsync(db, reviewId, actor, $"fire {Trigger.StopReview}", ct);
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        var command = opened.Value;
        if (await command.FireAsync(args, idempotencyKey, ct) is { } error)
        {
            return error;
        }

        if (command.Repeated is { } earlier)
        {
            return earlier;
        }

        var review = command.Review;
        var told = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in await db.InformationRequests
                     .Where(r => r.ReviewId == reviewId && (r.Status == RequestStatus.Sent || r.Status == RequestStatus.MoreInformationRequested)).ToListAsync(ct))
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

        var addresses = await db.Users.AsNoTracking().Where(u => told.Contains(u.Id) && u.Email != null).Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        foreach (var user in addresses.OrderBy(u => u.Id, StringComparer.Ordinal))
        {
            var values = new Dictionary<string, string>
            {
                ["Reference"] = review.Reference,
                ["Link"] = email.LinkTo(string.Empty),
                ["PortalBaseUrl"] = email.PortalBaseUrl,
            };
            // One message per person and stop: the review's version after it tells a later stop (once reopened) apart.
            await outbox.EnqueueAsync(db, new OutgoingEmail(user.Email!, user.Id, EmailReason, $"review:{reviewId}:stopped:{review.Version}", EmailReason,
                values, ReviewId: reviewId), ct);
        }

        return await command.SaveAsync(ct);
    }
}
