using Domain.Email;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Email;

/// An email to queue: the template and its values are rendered once, now, and stored. Secrets (a link carrying a token)
/// are not: their placeholders stay in the stored bodies and are filled in at send time (OutboxSecrets).
public sealed record OutgoingEmail(string RecipientAddress, string? RecipientUserId, string Reason, string OccurrenceKey, string Template,
    IReadOnlyDictionary<string, string> Values, DateTime? NotBeforeUtc = null, int? ReviewId = null, EmailAttachment? Attachment = null,
    IReadOnlyDictionary<string, string>? Secrets = null);

/// A file sent with the email, e.g. a meeting invitation (.ics).
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

public interface IOutbox
{
    /// Adds the message to the caller's context, so it is saved (or not) with the change that causes it.
    /// Returns false, adding nothing, when the same recipient, reason and occurrence is already queued or sent.
    Task<bool> EnqueueAsync(IReviewDb db, OutgoingEmail email, CancellationToken ct = default);
}

internal sealed class Outbox(IEmailTemplates templates, BusinessClock clock, OutboxSecrets secrets) : IOutbox
{
    public async Task<bool> EnqueueAsync(IReviewDb db, OutgoingEmail email, CancellationToken ct = default)
    {
        var key = OutboxMessage.DedupeKeyFor(email.RecipientAddress, email.Reason, email.OccurrenceKey);
        // The unique index settles a race between two processes; this check makes the common repeat a no-op.
        if (db.OutboxMessages.Local.Any(m => m.DedupeKey == key) || await db.OutboxMessages.AnyAsync(m => m.DedupeKey == key, ct))
        {
            return false;
        }

        var rendered = templates.Render(email.Template, OutboxSecrets.WithPlaceholders(email.Values, email.Secrets));
        var now = clock.UtcNow;
        var notBefore = email.NotBeforeUtc ?? now;
        db.OutboxMessages.Add(new OutboxMessage
        {
            RecipientAddress = email.RecipientAddress.Trim(),
            RecipientUserId = email.RecipientUserId,
            Reason = email.Reason,
            OccurrenceKey = email.OccurrenceKey,
            ReviewId = email.ReviewId,
            DedupeKey = key,
            Subject = rendered.Subject,
            TextBody = rendered.TextBody,
            HtmlBody = rendered.HtmlBody,
            ProtectedValues = secrets.Protect(email.Secrets),
            AttachmentName = email.Attachment?.FileName,
            AttachmentContentType = email.Attachment?.ContentType,
            AttachmentContent = email.Attachment?.Content,
            CreatedAtUtc = now,
            NotBeforeUtc = notBefore,
            NextAttemptUtc = notBefore,
        });
        return true;
    }
}
