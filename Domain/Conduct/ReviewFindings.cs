namespace Domain.Conduct;

/// The report's answer to "was the death predictable?" and "was it preventable?", in the words reports use.
public enum FindingAnswer
{
    Yes,
    No,
    Partly,
    NotConcluded,
}

/// What the review's report concluded (issue 18): whether the death was judged predictable and whether preventable,
/// each with the author's words quoted from the report, and the date of the report or draft they come from (entered:
/// the fact). One row per review, changed in place with a version check; the words are protected at rest.
public sealed class ReviewFindings
{
    public const int WordsMaxLength = 2000;

    public int ReviewId { get; set; }

    /// Null: not recorded yet.
    public FindingAnswer? Predictable { get; set; }

    public string? PredictableWords { get; set; }

    public FindingAnswer? Preventable { get; set; }

    public string? PreventableWords { get; set; }

    /// The date of the report or draft the answers come from.
    public DateOnly? ReportDated { get; set; }

    public int Version { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public required string UpdatedByUserId { get; set; }

    public static string Describe(FindingAnswer? answer) => answer switch
    {
        FindingAnswer.Yes => "Yes",
        FindingAnswer.No => "No",
        FindingAnswer.Partly => "Partly",
        FindingAnswer.NotConcluded => "Not concluded",
        _ => "Not recorded",
    };
}

/// The findings as the form sends them.
public sealed record FindingsInput(FindingAnswer? Predictable, string? PredictableWords, FindingAnswer? Preventable, string? PreventableWords,
    DateOnly? ReportDated);

public static class FindingsRules
{
    /// Each answer given needs the author's words (trimmed, length-limited); words without an answer are refused rather than
    /// kept unseen; any answer needs the report's date, never in the future nor before the death was notified.
    public static IReadOnlyList<Error> Validate(FindingsInput input, DateOnly notified, DateOnly today)
    {
        var errors = new List<Error>();
        Words(input.Predictable, input.PredictableWords, "predictable", nameof(FindingsInput.PredictableWords), errors);
        Words(input.Preventable, input.PreventableWords, "preventable", nameof(FindingsInput.PreventableWords), errors);
        if (input.Predictable is { } p && !Enum.IsDefined(p))
        {
            errors.Add(new Error("Choose one of the listed answers.", nameof(FindingsInput.Predictable)));
        }

        if (input.Preventable is { } v && !Enum.IsDefined(v))
        {
            errors.Add(new Error("Choose one of the listed answers.", nameof(FindingsInput.Preventable)));
        }

        const string dated = nameof(FindingsInput.ReportDated);
        if (input.ReportDated is not DateOnly on)
        {
            if (input.Predictable is not null || input.Preventable is not null)
            {
                errors.Add(new Error("Enter the date of the report or draft these findings come from.", dated));
            }
        }
        else if (on > today)
        {
            errors.Add(new Error("The report's date cannot be in the future: enter the date on the report or draft.", dated));
        }
        else if (on < notified)
        {
            errors.Add(new Error($"The report's date cannot be before the death was notified ({Calendar.UkDate.Format(notified)}).", dated));
        }

        return errors;
    }

    /// The words as kept: trimmed, or null when empty.
    public static string? Clean(string? words) => string.IsNullOrWhiteSpace(words) ? null : words.Trim();

    private static void Words(FindingAnswer? answer, string? words, string what, string field, List<Error> errors)
    {
        var text = Clean(words);
        if (answer is not null && text is null)
        {
            errors.Add(new Error($"Quote the author's words that say whether the death was {what}.", field));
        }
        else if (answer is null && text is not null)
        {
            errors.Add(new Error($"Choose whether the report judged the death {what}, or clear the words.", field));
        }
        else if (text?.Length > ReviewFindings.WordsMaxLength)
        {
            errors.Add(new Error($"Keep the quotation to {ReviewFindings.WordsMaxLength:N0} characters: quote the key sentences.", field));
        }
    }
}
