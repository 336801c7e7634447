using Domain.Reviews;
using Domain.Workflow;

namespace Workflows.Process;

/// A hold and when to look at it again (after today).
public abstract record HoldArgs : TriggerArgs
{
    /// Why the review is held (required to put it on hold; when the hold is reviewed, leaving it keeps the reason).
    public HoldReason? HoldReason { get; init; }

    /// When to look at the hold again.
    public DateOnly? ExpectedReviewDate { get; init; }

    protected override void Check(TriggerCheck check, Action<string, string> add)
    {
        if (ExpectedReviewDate is not DateOnly expected)
        {
            add(nameof(ExpectedReviewDate), "Enter the date by which the hold should be looked at again.");
        }
        else if (expected <= check.Today)
        {
            add(nameof(ExpectedReviewDate), "The expected review date must be after today.");
        }
    }
}

/// The review is put on hold (a criminal trial, an inquest...): its clocks pause.
public sealed record PutOnHoldArgs : HoldArgs
{
    public override Trigger Trigger => Trigger.PutOnHold;

    protected override string? CommentNeeded => HoldReason == Domain.Reviews.HoldReason.Other ? "Describe the reason for the hold." : null;

    protected override void Check(TriggerCheck check, Action<string, string> add)
    {
        if (HoldReason is null)
        {
            add(nameof(HoldReason), "Choose the reason for the hold.");
        }

        base.Check(check, add);
    }
}

/// The hold is looked at and goes on: a new date to look at it again, and the reason if it changed.
public sealed record ReviewHoldArgs : HoldArgs
{
    public override Trigger Trigger => Trigger.ReviewHold;
}
