using Domain.Reviews;
using Domain.Workflow;
using Workflows.Process;

namespace Portal.Features.Reviews;

/// What the officer types into an action's form; the engine validates it again as the trigger's arguments.
public sealed class ActionFormModel
{
    public DateTime? Date { get; set; }

    public string? Comment { get; set; }

    public bool AlternativeReview { get; set; }

    public HoldReason? HoldReason { get; set; }

    public DateTime? ExpectedReviewDate { get; set; }

    public string? PublicationLink { get; set; }

    public DecisionReversalReason? ReversalReason { get; set; }

    /// The trigger's arguments with the fields its form shows, so a trigger never receives an answer it did not ask for.
    public TriggerArgs ToArgs(Trigger trigger, int expectedVersion)
    {
        var args = TriggerArgs.For(trigger) with
        {
            Date = Date is { } d ? DateOnly.FromDateTime(d) : null,
            Comment = Comment,
            ExpectedVersion = expectedVersion,
        };
        var expected = ExpectedReviewDate is { } e ? DateOnly.FromDateTime(e) : (DateOnly?)null;
        return args switch
        {
            RecordCriteriaNotMetArgs notMet => notMet with { AlternativeReview = AlternativeReview },
            HoldArgs hold => hold with { HoldReason = HoldReason, ExpectedReviewDate = expected },
            RecordPublishedArgs published => published with { PublicationLink = PublicationLink },
            ReverseCriteriaNotMetArgs reversal => reversal with { Reason = ReversalReason },
            _ => args,
        };
    }
}
