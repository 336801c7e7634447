namespace Domain.Requests;

public enum RequestType
{
    Scoping,
    Chronology,
    Imr,
}

public enum RequestStatus
{
    Sent,
    Returned,
    MoreInformationRequested,
    Accepted,
    /// The review was closed or stopped before the agency returned it: nothing more is asked.
    Withdrawn,
}

/// A request to one agency for information about a review (DOMAIN.md, stage 5): addressed to a named agency contact,
/// due by a date; the contact returns a document (kind InformationReturn, owner key "request:{id}") which the officer
/// accepts or sends back for more. The open work item (WorkItemId) carries the due date into queues and reminders.
public sealed class InformationRequest
{
    public const int TextMaxLength = 1000;

    public long Id { get; set; }

    public int ReviewId { get; set; }

    public RequestType Type { get; set; }

    public int AgencyId { get; set; }

    public required string ContactUserId { get; set; }

    public DateOnly DueDate { get; set; }

    /// What the agency is asked for, in the officer's words. Requests sent before these were asked for have none.
    public string? Needed { get; set; }

    /// The period the information is to cover, first and last day.
    public DateOnly? PeriodFrom { get; set; }

    public DateOnly? PeriodTo { get; set; }

    /// The terms of reference the request is made under (the review's, or the part of them it serves).
    public string? TermsOfReference { get; set; }

    public RequestStatus Status { get; set; }

    public DateTime SentAtUtc { get; set; }

    public required string SentByUserId { get; set; }

    /// The contact's note with the latest return.
    public string? ReturnNote { get; set; }

    public DateTime? ReturnedAtUtc { get; set; }

    /// Why the officer asked for more, the latest time.
    public string? MoreInformationReason { get; set; }

    public DateTime? AcceptedAtUtc { get; set; }

    public string? AcceptedByUserId { get; set; }

    /// The returned document (versions 1, 2, ... for each return).
    public long? DocumentId { get; set; }

    /// The agency's open task while the request waits for a return.
    public long? WorkItemId { get; set; }

    /// Optimistic concurrency: incremented by the application on every change.
    public int Version { get; set; }

    public string OwnerKey => OwnerKeyFor(Id);

    public static string OwnerKeyFor(long id) => "request:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool AwaitsReturn => Status is RequestStatus.Sent or RequestStatus.MoreInformationRequested;

    public static string Describe(RequestType type) => type switch
    {
        RequestType.Scoping => "Scoping",
        RequestType.Chronology => "Chronology",
        RequestType.Imr => "Individual management review (IMR)",
        _ => type.ToString(),
    };

    public static string Abbreviate(RequestType type) => type == RequestType.Imr ? "IMR" : Describe(type);

    public static string Describe(RequestStatus status) => status switch
    {
        RequestStatus.Sent => "Sent",
        RequestStatus.Returned => "Returned",
        RequestStatus.MoreInformationRequested => "More information requested",
        RequestStatus.Accepted => "Accepted",
        RequestStatus.Withdrawn => "Withdrawn: the review was closed",
        _ => status.ToString(),
    };
}
