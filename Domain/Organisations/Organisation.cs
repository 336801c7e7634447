using Domain.Email;

namespace Domain.Organisations;

public enum OrganisationKind
{
    /// A Community Safety Partnership: owns its reviews.
    Csp,
    /// A business office or community safety team that runs reviews for the CSPs it serves.
    ReviewOffice,
    /// Police, health, council services, probation, charities: contribute to reviews.
    Agency,
}

public sealed class Organisation
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public OrganisationKind Kind { get; set; }

    /// Review offices: the prefix of review references, e.g. "LR" in LR-2025-004.
    public string? Code { get; set; }

    /// CSPs: the review office that runs their reviews.
    public int? ServingOfficeId { get; set; }

    public Organisation? ServingOffice { get; set; }

    /// Escalation contact, by email address only: for an agency its senior manager (overdue agency tasks), for a CSP its
    /// accountable lead (e.g. its chair: second escalation of overdue work on its reviews). Set by administrators.
    public string? EscalationEmail { get; set; }

    public const int EscalationEmailMaxLength = 256;

    /// Review offices: whether the agency contacts of an agency see everything this office addresses to their agency
    /// (information requests, returns, actions), or only what is addressed to them by name (the default).
    public bool SharesWithAgencyTeams { get; set; }

    public bool IsActive { get; set; } = true;

    /// Agencies only: set when the organisation is a delivery group or board that owns actions (DeliveryGroups), kept by
    /// the managers of the offices it works with on the register of delivery groups and boards. Null: an ordinary agency.
    public GroupKind? Group { get; set; }

    public int Version { get; set; }

    public static IReadOnlyList<Error> Validate(string? name, OrganisationKind kind, string? code, int? servingOfficeId)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new Error("Enter the organisation's name.", nameof(Name)));
        }
        else if (name.Trim().Length > 200)
        {
            errors.Add(new Error("The name must be 200 characters or fewer.", nameof(Name)));
        }

        if (kind == OrganisationKind.ReviewOffice
            && (string.IsNullOrWhiteSpace(code) || code.Trim().Length is < 2 or > 6 || !code.Trim().All(char.IsAsciiLetterUpper)))
        {
            errors.Add(new Error("Enter a reference code of 2 to 6 capital letters for the review office, e.g. LR.", nameof(Code)));
        }

        if (kind != OrganisationKind.Csp && servingOfficeId is not null)
        {
            errors.Add(new Error("Only a CSP is served by a review office.", nameof(ServingOfficeId)));
        }

        return errors;
    }

    /// The escalation contact is for CSPs (accountable lead) and agencies (senior manager), and must look like an address.
    public static Error? ValidateEscalationEmail(OrganisationKind kind, string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        if (kind == OrganisationKind.ReviewOffice)
        {
            return new Error("A review office has no escalation contact: its managers receive the overdue emails.", nameof(EscalationEmail));
        }

        return !AddressShape.Looks(email, EscalationEmailMaxLength)
            ? new Error("Enter an email address, e.g. chair@csp.example.org.", nameof(EscalationEmail))
            : null;
    }
}
