namespace Domain.Family;

public enum ContactMethod
{
    InPerson,
    Phone,
    VideoCall,
    Email,
    Letter,
    ThroughAdvocate,
    Other,
}

public enum PseudonymConsent
{
    Given,
    Withdrawn,
}

/// The family engagement log of one review: what was agreed with the family. Personal data (the log is read only by
/// the lead office, the appointed chair/author and the DPO). The pseudonym is not a real name; consent to it is what
/// publication depends on (Review.FamilyConsentWithdrawn, set by the handler that records it).
public sealed class FamilyEngagement
{
    public int ReviewId { get; set; }

    public bool? AdvocacyOffered { get; set; }

    /// Who offered or provides advocacy, e.g. "AAFDA".
    public string? AdvocacyBy { get; set; }

    /// The name the family agreed for the deceased in the report, e.g. "Diana".
    public string? Pseudonym { get; set; }

    public PseudonymConsent? Consent { get; set; }

    public DateOnly? ConsentOn { get; set; }

    /// The latest draft the family has seen (its number), and when.
    public int? DraftSeenNumber { get; set; }

    public DateOnly? DraftSeenOn { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string? UpdatedByUserId { get; set; }

    public int Version { get; set; }

    public const int AdvocacyByMaxLength = 200;

    public const int PseudonymMaxLength = 60;
}

/// One contact with the family: when, with whom, how, and what was discussed.
public sealed class FamilyContact
{
    public long Id { get; set; }

    public int ReviewId { get; set; }

    public DateOnly On { get; set; }

    /// Who was contacted, e.g. "Mother of the deceased".
    public required string Who { get; set; }

    public ContactMethod How { get; set; }

    public required string Summary { get; set; }

    public required string RecordedByUserId { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public const int WhoMaxLength = 200;

    public const int SummaryMaxLength = 4000;
}

/// Field rules of the log; the handler adds the ones that need the database (the draft seen must exist).
public static class FamilyRules
{
    public static string Describe(ContactMethod how) => how switch
    {
        ContactMethod.InPerson => "In person",
        ContactMethod.Phone => "Phone",
        ContactMethod.VideoCall => "Video call",
        ContactMethod.Email => "Email",
        ContactMethod.Letter => "Letter",
        ContactMethod.ThroughAdvocate => "Through their advocate",
        _ => "Other",
    };

    public static IReadOnlyList<Error> CheckContact(DateOnly? on, string? who, ContactMethod? how, string? summary, DateOnly today)
    {
        var errors = new List<Error>();
        if (on is null)
        {
            errors.Add(new Error("Enter the date of the contact.", "On"));
        }
        else if (on > today)
        {
            errors.Add(new Error("The date of the contact cannot be in the future.", "On"));
        }

        if (string.IsNullOrWhiteSpace(who))
        {
            errors.Add(new Error("Say who was contacted, e.g. \"Mother of the deceased\".", "Who"));
        }
        else if (who.Trim().Length > FamilyContact.WhoMaxLength)
        {
            errors.Add(new Error($"Who was contacted must be {FamilyContact.WhoMaxLength} characters or fewer.", "Who"));
        }

        if (how is null)
        {
            errors.Add(new Error("Choose how the contact was made.", "How"));
        }

        if (string.IsNullOrWhiteSpace(summary))
        {
            errors.Add(new Error("Enter a summary of the contact.", "Summary"));
        }
        else if (summary.Trim().Length > FamilyContact.SummaryMaxLength)
        {
            errors.Add(new Error($"The summary must be {FamilyContact.SummaryMaxLength} characters or fewer.", "Summary"));
        }

        return errors;
    }

    public static IReadOnlyList<Error> CheckAgreements(bool? advocacyOffered, string? advocacyBy, string? pseudonym, PseudonymConsent? consent,
        DateOnly? consentOn, int? draftSeen, DateOnly? draftSeenOn, DateOnly today)
    {
        var errors = new List<Error>();
        if (advocacyBy?.Trim().Length > FamilyEngagement.AdvocacyByMaxLength)
        {
            errors.Add(new Error($"Who offered advocacy must be {FamilyEngagement.AdvocacyByMaxLength} characters or fewer.", "AdvocacyBy"));
        }
        else if (advocacyOffered == true && string.IsNullOrWhiteSpace(advocacyBy))
        {
            errors.Add(new Error("Say who offered advocacy, e.g. \"AAFDA\".", "AdvocacyBy"));
        }

        if (pseudonym?.Trim().Length > FamilyEngagement.PseudonymMaxLength)
        {
            errors.Add(new Error($"The pseudonym must be {FamilyEngagement.PseudonymMaxLength} characters or fewer.", "Pseudonym"));
        }

        if (consent is not null)
        {
            if (string.IsNullOrWhiteSpace(pseudonym))
            {
                errors.Add(new Error("Enter the pseudonym the family agreed before recording their consent to it.", "Pseudonym"));
            }

            if (consentOn is null)
            {
                errors.Add(new Error("Enter the date the family gave or withdrew consent.", "ConsentOn"));
            }
        }

        if (consentOn > today)
        {
            errors.Add(new Error("The date of consent cannot be in the future.", "ConsentOn"));
        }

        if (draftSeen is < 1)
        {
            errors.Add(new Error("Choose the draft the family has seen.", "DraftSeenNumber"));
        }

        if (draftSeen is not null && draftSeenOn is null)
        {
            errors.Add(new Error("Enter the date the family saw the draft.", "DraftSeenOn"));
        }
        else if (draftSeenOn > today)
        {
            errors.Add(new Error("The date the family saw the draft cannot be in the future.", "DraftSeenOn"));
        }

        return errors;
    }
}
