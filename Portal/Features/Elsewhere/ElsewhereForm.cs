using Domain.Reviews;
using Workflows.Elsewhere;

namespace Portal.Features.Elsewhere;

/// What the details form holds while a person types: the server checks it all (LedElsewhereRules).
public sealed class ElsewhereForm
{
    public static readonly string[] Fields =
        [nameof(Area), nameof(LeadCsp), nameof(TheirReference), nameof(CaseLabel), nameof(CspId), nameof(AgencyId),
         nameof(ContactName), nameof(ContactEmail), nameof(ContactPhone), nameof(KnownSince)];

    public string? Area { get; set; }

    public string? LeadCsp { get; set; }

    public string? TheirReference { get; set; }

    public string? CaseLabel { get; set; }

    public int? CspId { get; set; }

    public int? AgencyId { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public DateTime? KnownSince { get; set; }

    public ElsewhereDetails ToDetails() => new(Area, LeadCsp, TheirReference, CaseLabel, CspId, AgencyId, ContactName, ContactEmail, ContactPhone,
        KnownSince is DateTime d ? DateOnly.FromDateTime(d) : null);

    public static ElsewhereForm From(ElsewhereDetails d) => new()
    {
        Area = d.Area, LeadCsp = d.LeadCsp, TheirReference = d.TheirReference, CaseLabel = d.CaseLabel, CspId = d.CspId, AgencyId = d.AgencyId,
        ContactName = d.ContactName, ContactEmail = d.ContactEmail, ContactPhone = d.ContactPhone,
        KnownSince = d.KnownSince?.ToDateTime(TimeOnly.MinValue),
    };
}
