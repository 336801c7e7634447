using Domain.Access;
using Domain.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Audit;

/// Writes audit rows into the same context (and so the same transaction) as the change they describe.
public sealed class AuditLog(BusinessClock clock)
{
    public void Add(IReviewDb db, Actor actor, AuditAction action, string subject, string? subjectId = null,
        int? reviewId = null, string? caseReference = null, string? detail = null) =>
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = clock.UtcNow,
            UserId = string.IsNullOrEmpty(actor.UserId) ? null : actor.UserId,
            UserEmail = string.IsNullOrEmpty(actor.Email) ? null : actor.Email,
            Action = action,
            Subject = subject,
            SubjectId = subjectId,
            ReviewId = reviewId,
            CaseReference = caseReference,
            Detail = detail,
        });

    /// A refused read or write is saved on its own, immediately: the refusal itself is the record.
    public async Task RefusedAsync(IReviewDb db, Actor actor, string subject, string? subjectId, int? reviewId, string detail,
        CancellationToken ct = default)
    {
        Add(db, actor, AuditAction.Refused, subject, subjectId, reviewId, null, detail);
        await db.SaveChangesAsync(ct);
    }
}
