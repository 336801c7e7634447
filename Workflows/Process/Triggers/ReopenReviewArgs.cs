using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;

namespace Workflows.Process;

/// A closed or stopped review reopened by a manager of its lead office (Date: the day it was reopened, not before it
/// closed); the comment says why. It returns to the stage it was closed from (ClosingStep.ReturnTo).
public sealed record ReopenReviewArgs : TriggerArgs
{
    public override Trigger Trigger => Trigger.ReopenReview;

    protected override string CommentNeeded => "Say why the review is reopened.";

    protected override string? DateProblem(Review review, DateOnly date) => review.ClosedOn is { } closed && date < closed
        ? $"The date cannot be before the review was closed ({UkDate.Format(closed)}): check it."
        : null;
}
