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
