namespace Domain.Conduct;

/// Whom the review interviewed, by their relation to the case.
public enum IntervieweeGroup
{
    Family,
    Friend,
    Professional,
    Perpetrator,
}

public enum InterviewKind
{
    InPerson,
    Phone,
    Video,
    Written,
}

public enum InterviewConsent
{
    Given,
    Declined,
    NotSought,
}

/// Who conducted the interview, as a role on the review.
public enum InterviewConductor
{
    Chair,
    Author,
    ChairAndAuthor,
    PanelMember,
}

/// One interview of the review (issue 18): the interviewee by role or relationship, never by name ("the victim's sister",
/// "GP"), the group they belong to, the date (entered: the fact), how it was held, their consent, and who conducted it.
/// The interviewee's description and the reason consent was not sought are protected at rest.
public sealed class InterviewEntry
{
    public const int IntervieweeMaxLength = 120;
    public const int ReasonMaxLength = 500;

    public long Id { get; set; }

    public int ReviewId { get; set; }

    public required string Interviewee { get; set; }

    public IntervieweeGroup Group { get; set; }

    public DateOnly HeldOn { get; set; }

    public InterviewKind Kind { get; set; }

    public InterviewConsent Consent { get; set; }

    /// Why consent was not sought (null otherwise).
    public string? NotSoughtReason { get; set; }

    public InterviewConductor ConductedBy { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public required string ByUserId { get; set; }

    public static string Describe(IntervieweeGroup group) => group switch
    {
        IntervieweeGroup.Family => "Family",
        IntervieweeGroup.Friend => "Friend",
        IntervieweeGroup.Professional => "Professional",
        IntervieweeGroup.Perpetrator => "Perpetrator",
        _ => group.ToString(),
    };

    public static string Describe(InterviewKind kind) => kind switch
    {
        InterviewKind.InPerson => "In person",
        InterviewKind.Phone => "Phone",
        InterviewKind.Video => "Video",
        InterviewKind.Written => "Written",
        _ => kind.ToString(),
    };

    public static string Describe(InterviewConsent consent) => consent switch
    {
        InterviewConsent.Given => "Given",
        InterviewConsent.Declined => "Declined",
        InterviewConsent.NotSought => "Not sought",
        _ => consent.ToString(),
    };

    public static string Describe(InterviewConductor by) => by switch
    {
        InterviewConductor.Chair => "Chair",
        InterviewConductor.Author => "Author",
        InterviewConductor.ChairAndAuthor => "Chair and author",
        InterviewConductor.PanelMember => "Panel member",
        _ => by.ToString(),
    };
}

/// An interview as the form sends it.
public sealed record InterviewInput(string? Interviewee, IntervieweeGroup? Group, DateOnly? HeldOn, InterviewKind? Kind, InterviewConsent? Consent,
    string? NotSoughtReason, InterviewConductor? ConductedBy);

public static class InterviewRules
{
    /// Every answer is required; the date never in the future nor before the death was notified; a reason when consent
    /// was not sought.
    public static IReadOnlyList<Error> Validate(InterviewInput input, DateOnly notified, DateOnly today)
    {
        var errors = new List<Error>();
        var interviewee = FindingsRules.Clean(input.Interviewee);
        if (interviewee is null)
        {
            errors.Add(new Error("Describe the interviewee by role or relationship, e.g. \"the victim's sister\" or \"GP\": never a name.",
                nameof(InterviewInput.Interviewee)));
        }
        else if (interviewee.Length > InterviewEntry.IntervieweeMaxLength)
        {
            errors.Add(new Error($"Keep the role or relationship to {InterviewEntry.IntervieweeMaxLength} characters.", nameof(InterviewInput.Interviewee)));
        }

        if (input.Group is not { } group || !Enum.IsDefined(group))
        {
            errors.Add(new Error("Choose family, friend, professional or perpetrator.", nameof(InterviewInput.Group)));
        }

        const string held = nameof(InterviewInput.HeldOn);
        if (input.HeldOn is not DateOnly on)
        {
            errors.Add(new Error("Enter the date of the interview.", held));
        }
        else if (on > today)
        {
            errors.Add(new Error("The date cannot be in the future: record the interview once it has taken place.", held));
        }
        else if (on < notified)
        {
            errors.Add(new Error($"The date cannot be before the death was notified ({Calendar.UkDate.Format(notified)}).", held));
        }

        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(new Error("Choose how the interview was held.", nameof(InterviewInput.Kind)));
        }

        if (input.Consent is not { } consent || !Enum.IsDefined(consent))
        {
            errors.Add(new Error("Choose whether consent was given, declined or not sought.", nameof(InterviewInput.Consent)));
        }
        else if (consent == InterviewConsent.NotSought)
        {
            var reason = FindingsRules.Clean(input.NotSoughtReason);
            if (reason is null)
            {
                errors.Add(new Error("Say why consent was not sought.", nameof(InterviewInput.NotSoughtReason)));
            }
            else if (reason.Length > InterviewEntry.ReasonMaxLength)
            {
                errors.Add(new Error($"Keep the reason to {InterviewEntry.ReasonMaxLength} characters.", nameof(InterviewInput.NotSoughtReason)));
            }
        }

        if (input.ConductedBy is not { } by || !Enum.IsDefined(by))
        {
            errors.Add(new Error("Choose who conducted the interview.", nameof(InterviewInput.ConductedBy)));
        }

        return errors;
    }
}
