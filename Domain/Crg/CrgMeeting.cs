using Domain.Reviews;

namespace Domain.Crg;

/// A Case Review Group meeting of one review office: its agenda proposes the cases awaiting a CRG decision or sign-off.
public sealed class CrgMeeting
{
    public int Id { get; set; }

    /// The review office whose CRG meets; only its officers change the agenda, only its CRG members read the papers.
    public int OfficeId { get; set; }

    public const int PlaceMaxLength = 200;

    public DateOnly MeetingDate { get; set; }

    /// When it starts (UK time) and where: a room and building, or "Online (Teams)". Meetings planned before these
    /// were asked for have neither.
    public TimeOnly? StartsAt { get; set; }

    public string? Place { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public required string CreatedByUserId { get; set; }

    /// When the officer shared the agenda papers with the CRG members; before that they see nothing of it.
    public DateTime? PapersSharedAtUtc { get; set; }

    public List<CrgAgendaItem> Items { get; set; } = [];
}

/// What the CRG is asked about a case.
public enum AgendaPurpose
{
    /// Whether the criteria for a review are met (stages Notification received, Awaiting CRG decision).
    Decision,
    /// Sign-off of the final report (stage CRG sign-off).
    SignOff,
}

public enum CrgItemOutcome
{
    CriteriaMet,
    CriteriaNotMet,
    MoreInformationNeeded,
    SignedOff,
    AmendmentsRequired,
}

/// One case on a meeting's agenda, and what the meeting decided about it.
public sealed class CrgAgendaItem
{
    public long Id { get; set; }

    public int MeetingId { get; set; }

    public int ReviewId { get; set; }

    public AgendaPurpose Purpose { get; set; }

    /// Put on the agenda by the portal (rather than added by hand).
    public bool Proposed { get; set; }

    /// Carried from an earlier meeting that asked for more information.
    public long? CarriedFromItemId { get; set; }

    public DateTime AddedAtUtc { get; set; }

    public CrgItemOutcome? Outcome { get; set; }

    /// The CRG's rationale (a decision) or its comment (sign-off).
    public string? Rationale { get; set; }

    public bool AlternativeReview { get; set; }

    public DateTime? OutcomeRecordedAtUtc { get; set; }

    public string? OutcomeRecordedByUserId { get; set; }

    /// The owner key of the papers attached for this case (documents of kind CrgPaper).
    public static string DocumentOwnerKey(long itemId) => $"crg-item:{itemId}";

    public static long? ItemIdOf(string ownerKey) =>
        ownerKey.StartsWith("crg-item:", StringComparison.Ordinal) && long.TryParse(ownerKey["crg-item:".Length..], out var id) ? id : null;

    /// The amendments the CRG required before signing off, in order.
    public List<CrgAmendment> Amendments { get; set; } = [];
}

public sealed class CrgAmendment
{
    public long Id { get; set; }

    public long AgendaItemId { get; set; }

    public int ReviewId { get; set; }

    public int Number { get; set; }

    public required string Text { get; set; }
}

/// The rules of meetings and their outcomes: pure, so they are tested fast.
public static class CrgRules
{
    public const int RationaleMaxLength = 2000;
    public const int AmendmentMaxLength = 500;
    public const int MaxAmendments = 30;

    /// The stages in which a case waits for the CRG.
    public static AgendaPurpose? PurposeFor(Stage stage, DateOnly? signedOffOn) => stage switch
    {
        Stage.NotificationReceived or Stage.AwaitingCrgDecision => AgendaPurpose.Decision,
        Stage.CrgSignOff when signedOffOn is null => AgendaPurpose.SignOff,
        _ => null,
    };

    public static string Describe(AgendaPurpose purpose) => purpose switch
    {
        AgendaPurpose.Decision => "Decision: are the criteria for a review met?",
        AgendaPurpose.SignOff => "Sign-off of the final report",
        _ => purpose.ToString(),
    };

    public static string Describe(CrgItemOutcome outcome) => outcome switch
    {
        CrgItemOutcome.CriteriaMet => "Criteria met",
        CrgItemOutcome.CriteriaNotMet => "Criteria not met",
        CrgItemOutcome.MoreInformationNeeded => "More information needed",
        CrgItemOutcome.SignedOff => "Signed off",
        CrgItemOutcome.AmendmentsRequired => "Amendments required",
        _ => outcome.ToString(),
    };

    public static IReadOnlyList<CrgItemOutcome> OutcomesFor(AgendaPurpose purpose) => purpose == AgendaPurpose.Decision
        ? [CrgItemOutcome.CriteriaMet, CrgItemOutcome.CriteriaNotMet, CrgItemOutcome.MoreInformationNeeded]
        : [CrgItemOutcome.SignedOff, CrgItemOutcome.AmendmentsRequired];

    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H.mm", "HH.mm", "HHmm"];

    /// The start time as typed ("10:00", "9.30", "1400"; 24-hour) and the place, each required.
    public static IReadOnlyList<Error> ValidateTimeAndPlace(string? startsAt, string? place, out TimeOnly time)
    {
        var errors = new List<Error>();
        time = default;
        if (string.IsNullOrWhiteSpace(startsAt))
        {
            errors.Add(new Error("Enter the time the meeting starts, for example 10:00.", "StartsAt"));
        }
        else if (!TimeOnly.TryParseExact(startsAt.Trim(), TimeFormats, System.Globalization.CultureInfo.InvariantCulture,
                     System.Globalization.DateTimeStyles.None, out time))
        {
            errors.Add(new Error($"We could not read '{startsAt.Trim()}' as a time: enter it as hours and minutes on the 24-hour clock, for example 14:30.", "StartsAt"));
        }

        if (string.IsNullOrWhiteSpace(place))
        {
            errors.Add(new Error("Enter where the meeting is held: a room and building, or how to join it online.", "Place"));
        }
        else if (place.Trim().Length > CrgMeeting.PlaceMaxLength)
        {
            errors.Add(new Error($"Keep the place to {CrgMeeting.PlaceMaxLength} characters or fewer.", "Place"));
        }

        return errors;
    }

    /// "14 Dec 2026 at 10:00", or the date alone for a meeting planned before times were asked for.
    public static string When(DateOnly date, TimeOnly? startsAt) =>
        startsAt is { } t ? $"{Calendar.UkDate.Format(date)} at {Time(t)}" : Calendar.UkDate.Format(date);

    /// "09:30": the 24-hour clock, as the UK writes meeting times.
    public static string Time(TimeOnly time) => time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// A new meeting is in the future: today's or past meetings are not planned in the portal.
    public static IReadOnlyList<Error> ValidateMeetingDate(DateOnly? date, DateOnly today)
    {
        if (date is not DateOnly d)
        {
            return [new Error("Enter the date of the meeting.", "MeetingDate")];
        }

        return d <= today
            ? [new Error("The meeting date must be in the future (after today): outcomes of a past meeting are recorded on that meeting's page.", "MeetingDate")]
            : [];
    }

    /// What recording an outcome needs: the meeting has taken place, an outcome that fits the question asked, a
    /// rationale for a decision, and at least one amendment (each short) when the CRG requires amendments.
    public static IReadOnlyList<Error> ValidateOutcome(AgendaPurpose purpose, CrgItemOutcome? outcome, string? rationale,
        IReadOnlyList<string> amendments, DateOnly meetingDate, DateOnly today)
    {
        var errors = new List<Error>();
        if (meetingDate > today)
        {
            errors.Add(new Error("The meeting has not taken place yet: record its outcomes on or after the meeting date."));
        }

        if (outcome is not CrgItemOutcome o || !OutcomesFor(purpose).Contains(o))
        {
            errors.Add(new Error("Choose the outcome the CRG decided.", "Outcome"));
            return errors;
        }

        if (rationale?.Length > RationaleMaxLength)
        {
            errors.Add(new Error($"The rationale must be {RationaleMaxLength} characters or fewer.", "Rationale"));
        }
        else if (purpose == AgendaPurpose.Decision && string.IsNullOrWhiteSpace(rationale))
        {
            errors.Add(new Error(o == CrgItemOutcome.MoreInformationNeeded
                ? "Say what information the CRG needs."
                : "Enter the CRG's rationale for its decision.", "Rationale"));
        }

        var listed = amendments.Where(a => !string.IsNullOrWhiteSpace(a)).ToList();
        if (o == CrgItemOutcome.AmendmentsRequired && listed.Count == 0)
        {
            errors.Add(new Error("List at least one amendment the CRG requires, one per line.", "Amendments"));
        }
        else if (o != CrgItemOutcome.AmendmentsRequired && listed.Count > 0)
        {
            errors.Add(new Error("Amendments are listed only when the CRG requires amendments: clear the list or choose that outcome.", "Amendments"));
        }
        else if (listed.Count > MaxAmendments || listed.Any(a => a.Trim().Length > AmendmentMaxLength))
        {
            errors.Add(new Error($"List at most {MaxAmendments} amendments of up to {AmendmentMaxLength} characters each.", "Amendments"));
        }

        return errors;
    }

    /// Splits a text box's lines into list entries (blank lines dropped).
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}
