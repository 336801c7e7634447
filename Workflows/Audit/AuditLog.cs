using Domain.Access;
using Domain.Audit;
using Microsoft.EntityFrameworkCore;
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
            UserId = Fit(string.IsNullOrEmpty(actor.UserId) ? null : actor.UserId, AuditEvent.UserIdMaxLength),
            UserEmail = Fit(string.IsNullOrEmpty(actor.Email) ? null : actor.Email, AuditEvent.UserEmailMaxLength),
            Action = action,
            Subject = Fit(subject, AuditEvent.SubjectMaxLength)!,
            SubjectId = Fit(subjectId, AuditEvent.SubjectIdMaxLength),
            ReviewId = reviewId,
            CaseReference = Fit(caseReference, AuditEvent.CaseReferenceMaxLength),
            Detail = Fit(detail, AuditEvent.DetailMaxLength),
        });

    /// A refused read or write is saved on its own, immediately: the refusal itself is the record. Given the id of the
    /// review it concerns, the row carries that review's reference when the review exists (so a search of the audit by
    /// case finds the refusals too) and neither the id nor a reference when it does not. The refused person's answer
    /// does not depend on it.
    public async Task RefusedAsync(IReviewDb db, Actor actor, string subject, string? subjectId, int? reviewId, string detail,
        CancellationToken ct = default)
    {
        var reference = reviewId is int id
            ? await db.Reviews.AsNoTracking().Where(r => r.Id == id).Select(r => r.Reference).SingleOrDefaultAsync(ct)
            : null;
        Add(db, actor, AuditAction.Refused, subject, subjectId, reference is null ? null : reviewId, reference, detail);
        await db.SaveChangesAsync(ct);
    }

    /// Values come partly from requests (an address, a typed search): cut to the column rather than lose the row.
    private static string? Fit(string? value, int maxLength)
    {
        if (value is null || value.Length <= maxLength)
        {
            return value;
        }

        var keep = maxLength - 1;
        return value[..(char.IsHighSurrogate(value[keep - 1]) ? keep - 1 : keep)] + "…";
    }
}
