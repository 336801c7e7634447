namespace Domain.Email;

public enum OutboxStatus
{
    /// Waiting for its first attempt (at NextAttemptUtc).
    Pending,

    /// Claimed by a dispatcher that is sending it now.
    Sending,

    Sent,

    /// The last attempt failed; it is tried again at NextAttemptUtc. Messages never give up.
    Failed,

    /// No longer to be sent (e.g. a reminder for a task completed or paused meanwhile). The dispatcher never claims it.
    Cancelled,
}

/// One email to send, written in the same transaction as the change that causes it (ARCHITECTURE.md, Email).
/// Bodies hold case labels and references only, never real names (DOMAIN.md, Sensitivity).
public sealed class OutboxMessage
{
    public const string MessageIdDomain = "review-portal.local";

    public long Id { get; set; }

    public required string RecipientAddress { get; set; }

    public string? RecipientUserId { get; set; }

    /// Why it is sent, e.g. "Invitation"; with the occurrence it names one event for one recipient.
    public required string Reason { get; set; }

    public required string OccurrenceKey { get; set; }

    /// The review it is about, if any: managers see on the review page who was told what, and when.
    public int? ReviewId { get; set; }

    /// Unique: recipient + reason + occurrence. A second enqueue of the same event is ignored.
    public required string DedupeKey { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public required string HtmlBody { get; set; }

    /// Values too sensitive to keep in the bodies (an invitation's link with its token): the bodies hold their
    /// placeholders ("{{Link}}"), filled in at send time from this, protected at rest with the data-protection key ring
    /// and blanked once the message is sent.
    public string? ProtectedValues { get; set; }

    /// One optional attachment (e.g. a meeting's .ics, "text/calendar; method=REQUEST"): name, MIME type, bytes.
    public string? AttachmentName { get; set; }

    public string? AttachmentContentType { get; set; }

    public byte[]? AttachmentContent { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public int Attempts { get; set; }

    /// Not sent before this instant (e.g. 08:00 on the next working day).
    public DateTime NotBeforeUtc { get; set; }

    public DateTime NextAttemptUtc { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? LastAttemptUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// Which dispatcher run holds it while Sending, and since when (a claim older than the timeout is taken over).
    public Guid? ClaimToken { get; set; }

    public DateTime? ClaimedAtUtc { get; set; }

    /// Random, set when the message is queued: with the row's id it makes the Message-Id unique across databases
    /// (ids alone repeat: another deployment, a restored backup, each test's own database).
    public string Nonce { get; set; } = Guid.NewGuid().ToString("N")[..16];

    /// Stable across retries and processes, so that a receiving server (or a reader) can drop a duplicate.
    public string MessageId => $"<{LocalId}>";

    /// The Message-Id without its angle brackets (MimeKit adds them).
    public string LocalId => LocalIdFor(Id, Nonce);

    public static string LocalIdFor(long id, string nonce) => $"outbox-{id}.{nonce}@{MessageIdDomain}";

    public static string DedupeKeyFor(string recipientAddress, string reason, string occurrenceKey) =>
        $"{recipientAddress.Trim().ToLowerInvariant()}|{reason}|{occurrenceKey}";

    /// 1, 2, 4, 8 ... minutes after each consecutive failure, never more than the cap.
    public static TimeSpan Backoff(int attempts, TimeSpan cap)
    {
        var minutes = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return TimeSpan.FromMinutes(Math.Min(minutes, cap.TotalMinutes));
    }
}
