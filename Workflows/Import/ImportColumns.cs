namespace Workflows.Import;

/// The columns of the tracker template (docs/IMPORT-TEMPLATE.md), in order. Headings are matched ignoring case and
/// spaces; a column not listed here is refused, so nothing else (names in particular) can come in by accident.
public static class ImportColumns
{
    public const string CaseLabel = "Case label";
    public const string LeadCsp = "Lead CSP";
    public const string Type = "Type";
    public const string NotifyingAgency = "Notifying agency";
    public const string DeathMonth = "Month of death";
    public const string Notified = "Date notified";
    public const string Presented = "First presented to CRG";
    public const string Decision = "CRG decision";
    public const string Outcome = "CRG outcome";
    public const string HomeOfficeNotified = "Home Office notified";
    public const string Reversed = "Decision reversed";
    public const string ReversedOn = "Reversed on";
    public const string AuthorAppointed = "Chair/author appointed";
    public const string FirstPanel = "First panel meeting";
    public const string SignedOff = "Signed off by CRG";
    public const string Submitted = "Submitted to Home Office";
    public const string QaDate = "QA outcome date";
    public const string QaOutcome = "QA outcome";
    public const string Published = "Published";
    public const string PublicationLink = "Publication link";
    public const string Closed = "Closed";
    public const string Stopped = "Stopped";
    public const string StopReason = "Stop reason";
    public const string Stage = "Current stage";
    public const string HoldReason = "Hold reason";
    public const string HeldSince = "On hold since";
    public const string HoldReviewDate = "Hold review date";
    public const string HoldEnded = "Hold ended";
    public const string LatestUpdate = "Latest update";
    public const string UpdateAsAt = "Update as at";

    // A review led by an area outside the portal that one of the office's CSPs or agencies takes part in (TrackerElsewhere).
    public const string LedBy = "Led by";
    public const string TheirReference = "Their reference";
    public const string TakingPart = "Taking part";
    public const string Contact = "Lead area contact";

    public static readonly IReadOnlyList<string> All =
    [
        CaseLabel, LeadCsp, Type, NotifyingAgency, DeathMonth, Notified, Presented, Decision, Outcome, HomeOfficeNotified, Reversed, ReversedOn,
        AuthorAppointed, FirstPanel, SignedOff, Submitted, QaDate, QaOutcome, Published, PublicationLink, Closed, Stopped, StopReason, Stage, HoldReason,
        HeldSince, HoldReviewDate, HoldEnded, LatestUpdate, UpdateAsAt, LedBy, TheirReference, TakingPart, Contact,
    ];

    public static readonly IReadOnlyList<string> Required = [CaseLabel, LeadCsp, Type, NotifyingAgency, DeathMonth, Notified, Stage];

    /// Columns that take a month alone ("03/2025", "Mar 2025") where the office knows only the month: the first
    /// presentation to the CRG, which the board groups cases by month and no day count uses.
    public static readonly IReadOnlySet<string> MonthAllowed = new HashSet<string> { Presented };

    public static string Key(string heading) => new string(heading.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();

    /// The template's heading for what the sheet has, or null for a column the template does not have.
    public static string? Match(string heading) => All.FirstOrDefault(c => Key(c) == Key(heading));
}
