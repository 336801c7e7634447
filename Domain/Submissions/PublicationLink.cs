namespace Domain.Submissions;

/// One place a published report can be read: reports are often published on more than one council's website.
/// The address recorded with the publication step is the first; the lead office adds the others.
public sealed class PublicationLink
{
    public const int UrlMaxLength = SubmissionRules.LinkMaxLength;
    public const int LabelMaxLength = 120;

    /// The label of the address recorded with the publication step, which asks for no label.
    public const string FirstLabel = "Published report";

    public long Id { get; set; }

    public int ReviewId { get; set; }

    public required string Url { get; set; }

    /// Where it is published, e.g. "Rutland County Council".
    public required string Label { get; set; }

    public DateTime AddedAtUtc { get; set; }

    /// Null for the address an earlier release kept on the review.
    public string? AddedByUserId { get; set; }

    /// An https address (what the publication step asks for too) and a label.
    public static IReadOnlyList<Error> Validate(string? url, string? label)
    {
        var errors = new List<Error>();
        if (SubmissionRules.CheckLink(url, "Url") is { } badUrl)
        {
            errors.Add(badUrl);
        }

        var trimmed = label?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            errors.Add(new Error("Say where the report is published, e.g. the council's name.", "Label"));
        }
        else if (trimmed.Length > LabelMaxLength)
        {
            errors.Add(new Error($"The label must be {LabelMaxLength} characters or fewer.", "Label"));
        }

        return errors;
    }
}
