namespace Domain.Conduct;

/// One version of a review's terms of reference (issue 18): a new version each time they are agreed or changed, never
/// edited in place (a correction is a new version with its reason). Each notes the family's part: whether they were
/// invited to contribute (and if not, why not), whether they did, and what they asked the review to cover. The text, the
/// family's words and the reasons are protected at rest.
public sealed class TermsOfReferenceVersion
{
    public const int TextMaxLength = 8000;
    public const int FamilyAskedMaxLength = 2000;
    public const int ReasonMaxLength = 1000;

    public long Id { get; set; }

    public int ReviewId { get; set; }

    /// 1, 2, 3... in the order recorded; the highest is the current version.
    public int Number { get; set; }

    /// The terms of reference, or a summary of them.
    public required string Text { get; set; }

    /// The date the panel agreed them (entered: the fact).
    public DateOnly AgreedOn { get; set; }

    /// What changed from the previous version and why (null for the first).
    public string? ChangeReason { get; set; }

    public bool FamilyInvited { get; set; }

    /// Null when the family was not invited.
    public bool? FamilyContributed { get; set; }

    /// What the family asked the review to cover (null when they did not contribute).
    public string? FamilyAsked { get; set; }

    /// Why the family was not invited (null when they were).
    public string? NotInvitedReason { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public required string ByUserId { get; set; }
}

/// A version as the form sends it.
public sealed record TermsInput(string? Text, DateOnly? AgreedOn, bool? FamilyInvited, bool? FamilyContributed, string? FamilyAsked,
    string? NotInvitedReason, string? ChangeReason)
{
    /// What is kept: trimmed, empty as null, and only the family's answers that follow from whether they were invited.
    public TermsInput Cleaned()
    {
        var invited = FamilyInvited == true;
        var contributed = invited ? FamilyContributed : null;
        return new TermsInput(FindingsRules.Clean(Text), AgreedOn, FamilyInvited, contributed, contributed == true ? FindingsRules.Clean(FamilyAsked) : null,
            FamilyInvited == false ? FindingsRules.Clean(NotInvitedReason) : null, FindingsRules.Clean(ChangeReason));
    }
}

public static class TermsRules
{
    /// The text and the date agreed are required; the date never in the future, nor before the death was notified, nor
    /// before the previous version's; the family's part is stated (invited: did they contribute, and what did they ask
    /// for; not invited: why not); a version after the first says what changed and why.
    public static IReadOnlyList<Error> Validate(TermsInput raw, DateOnly? previousAgreedOn, bool isFirst, DateOnly notified, DateOnly today)
    {
        var input = raw.Cleaned();
        var errors = new List<Error>();
        TextChecks.Required(errors, input.Text, TermsOfReferenceVersion.TextMaxLength, nameof(TermsInput.Text),
            "Enter the terms of reference, or a summary of them.", "The terms of reference");

        const string agreed = nameof(TermsInput.AgreedOn);
        if (input.AgreedOn is not DateOnly on)
        {
            errors.Add(new Error("Enter the date the panel agreed these terms of reference.", agreed));
        }
        else if (on > today)
        {
            errors.Add(new Error("The date agreed cannot be in the future: record the terms once the panel has agreed them.", agreed));
        }
        else if (on < notified)
        {
            errors.Add(new Error($"The date agreed cannot be before the death was notified ({Calendar.UkDate.Format(notified)}).", agreed));
        }
        else if (previousAgreedOn is DateOnly previous && on < previous)
        {
            errors.Add(new Error($"The date agreed cannot be before the previous version's ({Calendar.UkDate.Format(previous)}).", agreed));
        }

        switch (input.FamilyInvited)
        {
            case null:
                errors.Add(new Error("Say whether the family was invited to contribute to the terms of reference.", nameof(TermsInput.FamilyInvited)));
                break;
            case true when input.FamilyContributed is null:
                errors.Add(new Error("Say whether the family contributed.", nameof(TermsInput.FamilyContributed)));
                break;
            case true when input.FamilyContributed == true:
                TextChecks.Required(errors, input.FamilyAsked, TermsOfReferenceVersion.FamilyAskedMaxLength, nameof(TermsInput.FamilyAsked),
                    "Say what the family asked the review to cover.", "What the family asked for");
                break;
            case false:
                TextChecks.Required(errors, input.NotInvitedReason, TermsOfReferenceVersion.ReasonMaxLength, nameof(TermsInput.NotInvitedReason),
                    "Say why the family was not invited, e.g. \"not yet traced\" or \"declined any contact\".", "The reason");
                break;
        }

        if (isFirst)
        {
            if (input.ChangeReason is not null)
            {
                errors.Add(new Error("The first version changes nothing: clear the reason for the change.", nameof(TermsInput.ChangeReason)));
            }
        }
        else
        {
            TextChecks.Required(errors, input.ChangeReason, TermsOfReferenceVersion.ReasonMaxLength, nameof(TermsInput.ChangeReason),
                "Say what changed from the previous version and why (a correction too).", "The reason");
        }

        return errors;
    }
}
