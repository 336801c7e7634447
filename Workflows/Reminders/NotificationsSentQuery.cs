using Domain.Access;
using Domain.Email;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Reminders;

public sealed record NotificationSentRow(string RecipientAddress, string Reason, OutboxStatus Status, DateTime QueuedAtUtc, DateTime NotBeforeUtc,
    DateTime? SentAtUtc, string Subject);

/// Who was told what about a review, and when: its outbox messages (reminders, escalations), newest first. For the
/// officers and managers of the review's lead office only; anyone else gets null, and the page shows nothing (like the
/// incident banner, not a refusal worth auditing: the section is simply not theirs). No case content: subjects hold the
/// case label, reference and step only.
public sealed class NotificationsSentQuery(IReviewDbFactory dbs)
{
    public const int Limit = 200;

    public async Task<IReadOnlyList<NotificationSentRow>?> HandleAsync(Actor actor, int reviewId, CancellationToken ct = default)
    {
        if (!actor.IsOfficeStaff)
        {
            return null;
        }

        await using var db = await dbs.CreateAsync(ct);
        var leadOffice = await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => (int?)r.LeadOfficeId).SingleOrDefaultAsync(ct);
        if (leadOffice is not int office || !actor.OfficeIds.Contains(office))
        {
            return null;
        }

        return await db.OutboxMessages.AsNoTracking().Where(m => m.ReviewId == reviewId).OrderByDescending(m => m.Id).Take(Limit)
            .Select(m => new NotificationSentRow(m.RecipientAddress, m.Reason, m.Status, m.CreatedAtUtc, m.NotBeforeUtc, m.SentAtUtc, m.Subject))
            .ToListAsync(ct);
    }
}
