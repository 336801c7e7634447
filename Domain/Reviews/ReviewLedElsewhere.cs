namespace Domain.Reviews;

/// Where a review led by another area stands, as the office hears of it: a short plain-English list.
public enum ElsewhereStage
{
    AwaitingDecision,
    UnderWay,
    OnHold,
    DraftReport,
    WithHomeOffice,
    Published,
    NotGoingAhead,
}

/// A review led by a CSP outside the portal that one of the office's CSPs or agencies takes part in. It is a record the
/// office keeps by hand, not a review the workflow engine runs: no stages of the process, clocks, tasks or reminders.
/// Its own entity (not a Review row with a flag) because every rule of a Review (a lead CSP the office serves, a
/// reference from the office's sequence, restricted details, the journal) would need an exception for it.
/// The contact at the other area is personal data, kept protected at rest (AtRest) and out of logs, emails and URLs.
public sealed class ReviewLedElsewhere
{
    public int Id { get; set; }

    /// The review office that keeps the record: only its staff change it, only its staff and board read it.
    public int OfficeId { get; set; }

    /// The area outside the portal that leads the review, e.g. "Northshire", and its CSP.
    public required string Area { get; set; }

    public required string LeadCsp { get; set; }

    /// The lead area's own reference, when known.
    public string? TheirReference { get; set; }

    /// The case label the lead area uses (never a real name).
    public required string CaseLabel { get; set; }

    /// Who of ours takes part: one of the office's CSPs, an agency, or both.
    public int? CspId { get; set; }

    public int? AgencyId { get; set; }

    /// The contact at the lead area (protected at rest); empty when not known (imported from a tracker without one).
    public required string ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    /// The date the office heard of the review (or its involvement began): it shows in board reports from this date.
    public DateOnly KnownSince { get; set; }

    /// Lower-cased case label, reference, area and CSP, for the register's search on both providers.
    public string SearchText { get; set; } = string.Empty;

    public DateTime RecordedAtUtc { get; set; }

    public required string RecordedByUserId { get; set; }

    public int Version { get; set; }

    public const int AreaMaxLength = 100;
    public const int LeadCspMaxLength = 200;
    public const int ReferenceMaxLength = 50;
    public const int CaseLabelMaxLength = 100;
    public const int ContactNameMaxLength = 200;
    public const int ContactEmailMaxLength = 256;
    public const int ContactPhoneMaxLength = 50;

    public static string Search(string caseLabel, string? reference, string area, string leadCsp) =>
        CaseLabels.Normalise($"{caseLabel} {reference} {area} {leadCsp}");
}

/// One dated update of a review led elsewhere: its stage and what the office heard, as at a date.
public sealed class ElsewhereUpdate
{
    public long Id { get; set; }

    public int RecordId { get; set; }

    /// The date the update describes the review as at (never in the future, never before the record's KnownSince).
    public DateOnly AsAt { get; set; }

    public ElsewhereStage Stage { get; set; }

    /// Empty for the first entry when the office had nothing to add to the stage.
    public string? Text { get; set; }

    /// When it was typed (metadata).
    public DateTime RecordedAtUtc { get; set; }

    public required string ByUserId { get; set; }

    public const int TextMaxLength = 1000;
}
