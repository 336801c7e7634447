namespace Domain.Reviews;

public enum LegalChallengeKind
{
    JudicialReview,
    Complaint,
    Appeal,
}

public enum LegalChallengeOutcome
{
    /// The challenge succeeded: the decision challenged is quashed or changed.
    Upheld,
    /// The challenge failed: the decision stands.
    Dismissed,
    /// The party who lodged it withdrew it.
    Withdrawn,
    /// Settled by agreement before a ruling.
    Settled,
}

/// A legal challenge to a decision on a review (a judicial review, a complaint, an appeal), kept by the lead office as
/// it goes: lodged, heard, decided. A further challenge of its outcome (an appeal of a judicial review's ruling) is a
/// challenge of its own linked to it (AppealOfId). While any challenge of a review has no outcome the review is "under
/// challenge" (Review.UnderChallenge follows from its challenges: set when one is lodged, cleared with the last outcome).
public sealed class LegalChallenge
{
    public const int NoteMaxLength = 1000;

    public long Id { get; set; }

    public int ReviewId { get; set; }

    public LegalChallengeKind Kind { get; set; }

    public DateOnly LodgedOn { get; set; }

    public DateOnly? HearingOn { get; set; }

    public DateOnly? OutcomeOn { get; set; }

    public LegalChallengeOutcome? Outcome { get; set; }

    /// The challenge whose outcome this one challenges further, if any (same review).
    public long? AppealOfId { get; set; }

    /// What is challenged, and by whom (case labels and roles, never real names).
    public string? Note { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public required string RecordedByUserId { get; set; }

    /// Optimistic concurrency: incremented by the application on every change.
    public int Version { get; set; }

    public bool IsOpen => OutcomeOn is null;

    public static string Describe(LegalChallengeKind kind) => kind switch
    {
        LegalChallengeKind.JudicialReview => "Judicial review",
        LegalChallengeKind.Complaint => "Complaint",
        LegalChallengeKind.Appeal => "Appeal",
        _ => kind.ToString(),
    };

    public static string Describe(LegalChallengeOutcome outcome) => outcome switch
    {
        LegalChallengeOutcome.Upheld => "Upheld: the decision is quashed or changed",
        LegalChallengeOutcome.Dismissed => "Dismissed: the decision stands",
        LegalChallengeOutcome.Withdrawn => "Withdrawn",
        LegalChallengeOutcome.Settled => "Settled",
        _ => outcome.ToString(),
    };
}
