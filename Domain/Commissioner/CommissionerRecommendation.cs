namespace Domain.Commissioner;

/// A recommendation the Domestic Abuse Commissioner made to a public body in the office's area (issue 18): the body must
/// respond within 56 days (Domestic Abuse Act 2021, s.16). Kept by the review office: the report it comes from, the day it
/// was made (the date entered: the fact), the body it is addressed to (one of the agencies the office works with, or a CSP
/// it serves) and its words; the response (the day it was sent and what it said) closes it.
public sealed class CommissionerRecommendation
{
    /// Calendar days a public body has to respond, from the day the recommendation was made.
    public const int ResponseDays = 56;
    public const int ReportMaxLength = 200;
    public const int TextMaxLength = 2000;
    public const int ResponseMaxLength = 2000;

    public int Id { get; set; }

    public int OfficeId { get; set; }

    /// The agency or CSP (an Organisation) it is addressed to.
    public int AddresseeId { get; set; }

    /// The Commissioner's report it comes from, e.g. "Did anyone notice? (2025)".
    public required string Report { get; set; }

    public DateOnly MadeOn { get; set; }

    public required string Text { get; set; }

    public DateOnly? RespondedOn { get; set; }

    public string? ResponseSummary { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public required string CreatedByUserId { get; set; }

    public int Version { get; set; }

    /// The office's task to get and record the response (WorkItemKind.RespondToCommissioner), on the reminder ladder.
    public long? WorkItemId { get; set; }

    public Workflow.WorkItem? WorkItem { get; set; }

    /// How the portal, its queues and its emails name it: no words of the recommendation, no names.
    public string Reference => ReferenceOf(Id);

    public static string ReferenceOf(long id) => $"DAC-{id}";

    /// The title of its task: the reference only, as the title goes into reminder emails.
    public static string TaskTitleFor(long id) => $"Record the response to recommendation {ReferenceOf(id)}";

    public DateOnly ResponseDue => ResponseDueFor(MadeOn);

    /// The one rule for the response date: 56 calendar days after the day it was made.
    public static DateOnly ResponseDueFor(DateOnly madeOn) => madeOn.AddDays(ResponseDays);

    /// Overdue from the day after the response date, until a response is recorded.
    public bool IsOverdue(DateOnly today) => RespondedOn is null && today > ResponseDue;

    public static IReadOnlyList<Error> Validate(string? report, DateOnly? madeOn, int? addresseeId, string? text, DateOnly today)
    {
        var errors = new List<Error>();
        TextChecks.Required(errors, report, ReportMaxLength, nameof(Report), "Enter the Commissioner's report the recommendation comes from.", "The report's name");
        if (madeOn is not DateOnly on)
        {
            errors.Add(new Error("Enter the date the recommendation was made.", nameof(MadeOn)));
        }
        else if (on > today)
        {
            errors.Add(new Error("The date it was made cannot be in the future.", nameof(MadeOn)));
        }

        if (addresseeId is null)
        {
            errors.Add(new Error("Choose the body the recommendation is addressed to.", nameof(AddresseeId)));
        }

        TextChecks.Required(errors, text, TextMaxLength, nameof(Text), "Enter the recommendation's words.", "The recommendation");
        return errors;
    }

    public static IReadOnlyList<Error> ValidateResponse(DateOnly? respondedOn, string? summary, DateOnly madeOn, DateOnly today)
    {
        var errors = new List<Error>();
        if (respondedOn is not DateOnly on)
        {
            errors.Add(new Error("Enter the date the response was sent.", nameof(RespondedOn)));
        }
        else if (on > today)
        {
            errors.Add(new Error("The response date cannot be in the future: record it once it was sent.", nameof(RespondedOn)));
        }
        else if (on < madeOn)
        {
            errors.Add(new Error($"The response cannot be sent before the recommendation was made ({Calendar.UkDate.Format(madeOn)}).", nameof(RespondedOn)));
        }

        TextChecks.Required(errors, summary, ResponseMaxLength, nameof(ResponseSummary), "Summarise the response.", "The summary");
        return errors;
    }
}
