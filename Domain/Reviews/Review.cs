namespace Domain.Reviews;

/// The process state (stage, hold, decisions) is in Review.Process.cs.
public sealed partial class Review
{
    public int Id { get; set; }

    /// Generated per lead office and year of notification, e.g. LR-2025-004.
    public required string Reference { get; set; }

    /// Used everywhere instead of names, e.g. "Case Q 2025".
    public required string CaseLabel { get; set; }

    /// The label normalised (lower case, single spaces): unique across all reviews.
    public required string CaseLabelKey { get; set; }

    /// Lower-cased label and reference, so that search behaves the same on SQLite and PostgreSQL.
    public required string SearchText { get; set; }

    public ReviewType Type { get; set; }

    public bool JointWithSar { get; set; }

    public bool JointWithCspr { get; set; }

    public bool IsAlternativeReview { get; set; }

    public int LeadCspId { get; set; }

    public int LeadOfficeId { get; set; }

    public int NotifyingAgencyId { get; set; }

    public DateOnly DateNotified { get; set; }

    public int NotificationYear { get; set; }

    public int DeathYear { get; set; }

    public int DeathMonth { get; set; }

    public int NumberOfDeceased { get; set; } = 1;

    public string Summary { get; set; } = string.Empty;

    public Stage Stage { get; set; }

    /// The process definition the case was started on (e.g. "dardr" v1): a case stays on it.
    public string DefinitionId { get; set; } = "dardr";

    public int DefinitionVersion { get; set; } = 1;

    public DateTime CreatedAtUtc { get; set; }

    public required string CreatedByUserId { get; set; }

    /// Optimistic concurrency: incremented by the application on every change (same for both providers).
    public int Version { get; set; }

    public List<ReviewCsp> InvolvedCsps { get; set; } = [];

    public List<ReviewParticipant> Participants { get; set; } = [];

    public RestrictedDetails? Restricted { get; set; }
}

/// A CSP other than the lead that is involved in the review.
public sealed class ReviewCsp
{
    public int ReviewId { get; set; }

    public int CspId { get; set; }
}

/// A person given access to one review by appointment (chair/author) or panel membership.
/// Revoking sets RevokedAtUtc; access ends on the next request.
public sealed class ReviewParticipant
{
    public int Id { get; set; }

    public int ReviewId { get; set; }

    public required string UserId { get; set; }

    public ParticipantKind Kind { get; set; }

    public DateTime GrantedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }
}

/// Real names: a table of their own, read only for those allowed to see them.
public sealed class RestrictedDetails
{
    public int ReviewId { get; set; }

    public string? DeceasedNames { get; set; }

    public string? PerpetratorNames { get; set; }
}
