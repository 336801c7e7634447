namespace Domain.Audit;

public enum AuditAction
{
    Viewed,
    Created,
    Changed,
    Exported,
    Downloaded,
    Refused,
}

/// One row of the audit trail: who, when, what, which case. Detail holds field names and
/// descriptions, never restricted values.
public sealed class AuditEvent
{
    // Column lengths, declared once: the EF configuration uses them and AuditLog fits every value to them, because
    // PostgreSQL refuses an over-long value (SQLite does not) and a refused audit insert would lose the record.
    public const int UserIdMaxLength = 450;
    public const int UserEmailMaxLength = 256;
    public const int SubjectMaxLength = 40;
    public const int SubjectIdMaxLength = 64;
    public const int CaseReferenceMaxLength = 20;
    public const int DetailMaxLength = 1000;

    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public string? UserId { get; set; }

    public string? UserEmail { get; set; }

    public AuditAction Action { get; set; }

    /// What kind of thing was touched, e.g. "Review", "User", "Organisation", "AuditTrail".
    public required string Subject { get; set; }

    public string? SubjectId { get; set; }

    public int? ReviewId { get; set; }

    public string? CaseReference { get; set; }

    public string? Detail { get; set; }
}
