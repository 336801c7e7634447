using Domain;
using Domain.Reviews;
using Domain.Workflow;

namespace Workflows.Process;

/// What the form for a trigger sends with it. Which fields each trigger needs is in Validate.
public sealed record TriggerArgs
{
    public static TriggerArgs None { get; } = new();

    /// When it happened (presented, decided, notified, appointed, signed off, submitted, QA outcome, published);
    /// today when not given. Not in the future, not before the notification.
    public DateOnly? Date { get; init; }

    /// The reason, rationale or comment; required for CRG decisions, amendments and holds for "other" reasons.
    public string? Comment { get; init; }

    /// RecordCriteriaNotMet: the CRG chose an alternative review instead.
    public bool AlternativeReview { get; init; }

    /// RecordHomeOfficeDirection: the CSP challenges the direction ("directed, under challenge").
    public bool UnderChallenge { get; init; }

    /// AppointAuthor: the independent chair/author's user id (the chair only, when SecondAuthorUserId is given).
    public string? AuthorUserId { get; init; }

    /// AppointAuthor: the agreed fee of AuthorUserId in pence (required).
    public long? FeePence { get; init; }

    /// AppointAuthor: when chair and author are two people, the author's user id (AuthorUserId is then the chair).
    public string? SecondAuthorUserId { get; init; }

    /// AppointAuthor: the agreed fee of SecondAuthorUserId in pence (required with it).
    public long? SecondFeePence { get; init; }

    /// AppointAuthor: the expression of interest the appointment comes from, if any.
    public long? ExpressionOfInterestId { get; init; }

    /// PutOnHold (required), ReviewHold (optional: keeps the reason).
    public HoldReason? HoldReason { get; init; }

    /// PutOnHold and ReviewHold: when to look at the hold again (after today).
    public DateOnly? ExpectedReviewDate { get; init; }

    /// RecordPublished: the address of the published report.
    public string? PublicationLink { get; init; }

    /// The review's Version as the page showed it: if the review changed since, the command returns Conflict.
    public int? ExpectedVersion { get; init; }

    public const int LinkMaxLength = 400;

    public IReadOnlyList<Error> Validate(Trigger trigger, Review review, DateOnly today)
    {
        var errors = new List<Error>();
        void Add(string field, string message) => errors.Add(new Error(message, field));

        if (Date is DateOnly date)
        {
            if (date > today)
            {
                Add(nameof(Date), "The date cannot be in the future.");
            }
            else if (date < review.DateNotified)
            {
                Add(nameof(Date), "The date cannot be before the death was notified: check it.");
            }
            else if (trigger is Trigger.RecordCriteriaMet or Trigger.RecordCriteriaNotMet && date < review.CrgFirstPresentedOn)
            {
                Add(nameof(Date), "The decision cannot be before the case was first presented to the CRG.");
            }
        }

        if (Comment?.Length > JournalEntry.CommentMaxLength)
        {
            Add(nameof(Comment), $"The comment must be {JournalEntry.CommentMaxLength} characters or fewer.");
        }

        var needsComment = trigger switch
        {
            Trigger.RecordCriteriaMet or Trigger.RecordCriteriaNotMet => "Enter the CRG's rationale for its decision.",
            Trigger.RecordMoreInformationNeeded => "Say what information the CRG needs.",
            Trigger.RecordAmendmentsRequired => "Say what the CRG asked to change.",
            Trigger.RecordQaApprovedSubjectToAmendments => "List the amendments the Home Office asked for.",
            Trigger.RecordQaResubmit => "Say why the Home Office asked for the report to be resubmitted.",
            Trigger.PutOnHold when HoldReason == Domain.Reviews.HoldReason.Other => "Describe the reason for the hold.",
            _ => null,
        };
        if (needsComment is not null && string.IsNullOrWhiteSpace(Comment))
        {
            Add(nameof(Comment), needsComment);
        }

        switch (trigger)
        {
            case Trigger.PutOnHold when HoldReason is null:
                Add(nameof(HoldReason), "Choose the reason for the hold.");
                break;
            case Trigger.AppointAuthor:
                ValidateAppointment(Add);
                break;
            case Trigger.RecordPublished when !IsWebAddress(PublicationLink):
                Add(nameof(PublicationLink), "Enter the web address of the published report, starting https://.");
                break;
        }

        if (trigger is Trigger.PutOnHold or Trigger.ReviewHold)
        {
            if (ExpectedReviewDate is not DateOnly expected)
            {
                Add(nameof(ExpectedReviewDate), "Enter the date by which the hold should be looked at again.");
            }
            else if (expected <= today)
            {
                Add(nameof(ExpectedReviewDate), "The expected review date must be after today.");
            }
        }

        return errors;
    }

    private void ValidateAppointment(Action<string, string> add)
    {
        var two = !string.IsNullOrWhiteSpace(SecondAuthorUserId);
        if (string.IsNullOrWhiteSpace(AuthorUserId))
        {
            add(nameof(AuthorUserId), two ? "Choose the chair to appoint." : "Choose the chair/author to appoint.");
        }

        if (FeePence is not long fee || fee < 0 || fee > Domain.Authors.Money.MaxPence)
        {
            add(nameof(FeePence), "Enter the agreed fee in pounds, for example £12,500.");
        }

        if (two && SecondAuthorUserId == AuthorUserId)
        {
            add(nameof(SecondAuthorUserId), "The chair and the author are the same person: appoint them once, as chair and author.");
        }

        if (two && (SecondFeePence is not long second || second < 0 || second > Domain.Authors.Money.MaxPence))
        {
            add(nameof(SecondFeePence), "Enter the author's agreed fee in pounds, for example £12,500.");
        }
    }

    private static bool IsWebAddress(string? link) =>
        link?.Length <= LinkMaxLength
        && Uri.TryCreate(link, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
