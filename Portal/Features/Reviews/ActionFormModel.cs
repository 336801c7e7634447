using Domain.Reviews;
using Workflows.Process;

namespace Portal.Features.Reviews;

/// What the officer types into an action's form; the engine validates it again as TriggerArgs.
public sealed class ActionFormModel
{
    public DateTime? Date { get; set; }

    public string? Comment { get; set; }

    public bool AlternativeReview { get; set; }

    public bool UnderChallenge { get; set; }

    public string? AuthorUserId { get; set; }

    public HoldReason? HoldReason { get; set; }

    public DateTime? ExpectedReviewDate { get; set; }

    public string? PublicationLink { get; set; }

    /// Only the fields the form shows are sent, so a trigger never receives an answer it did not ask for.
    public TriggerArgs ToArgs(ActionFields fields, int expectedVersion) => new()
    {
        Date = fields.DateLabel is not null && Date is { } d ? DateOnly.FromDateTime(d) : null,
        Comment = Comment,
        AlternativeReview = fields.AlternativeReview && AlternativeReview,
        UnderChallenge = fields.UnderChallenge && UnderChallenge,
        AuthorUserId = fields.Author ? AuthorUserId : null,
        HoldReason = fields.HoldReason ? HoldReason : null,
        ExpectedReviewDate = fields.ExpectedReviewDate && ExpectedReviewDate is { } e ? DateOnly.FromDateTime(e) : null,
        PublicationLink = fields.PublicationLink ? PublicationLink : null,
        ExpectedVersion = expectedVersion,
    };
}
