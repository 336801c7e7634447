using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;

namespace Workflows.Process;

/// The CRG reverses its "criteria not met" decision (after a judicial review, an appeal or new information): the
/// criteria are met. Date: the day of the new decision, from which the review's clocks run; the comment is the CRG's
/// rationale. The Home Office is told of the new decision as of any other.
public sealed record ReverseCriteriaNotMetArgs : TriggerArgs
{
    public override Trigger Trigger => Trigger.ReverseCriteriaNotMet;

    public DecisionReversalReason? Reason { get; init; }

    protected override string CommentNeeded => "Give the CRG's rationale for the new decision.";

    protected override string? DateProblem(Review review, DateOnly date) => review.DecidedOn is DateOnly decided && date < decided
        ? $"The new decision cannot be before the decision it reverses ({UkDate.Format(decided)}): check it."
        : null;

    protected override void Check(TriggerCheck check, Action<string, string> add)
    {
        if (Reason is null)
        {
            add(nameof(Reason), "Choose why the decision was reversed: a judicial review, an appeal or new information.");
        }
    }
}
