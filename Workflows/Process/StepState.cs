using System.Text.Json;
using Domain.Reviews;
using Domain.Workflow;

namespace Workflows.Process;

/// What a review and its open clocks were just before a step (kept on the step's journal entry as JSON), which undoing
/// the step puts back: every field a step of the process sets on the review, and each open clock as it stood. Tasks and
/// timers need no copy: those the step opened or closed carry the instant it was recorded (CaseChanges.UndoStep).
public sealed record StepState(
    Stage Stage,
    Stage? HeldFromStage,
    HoldReason? HoldReason,
    DateOnly? HeldSince,
    DateOnly? HoldExpectedReviewDate,
    DateOnly? CrgFirstPresentedOn,
    CrgOutcome? CrgOutcome,
    bool IsAlternativeReview,
    DateOnly? DecidedOn,
    DateOnly? HomeOfficeNotifiedOn,
    bool HomeOfficeDirected,
    DateOnly? SignedOffOn,
    DateOnly? SignOffAmendmentsAskedOn,
    DateOnly? SubmittedOn,
    QaOutcome? QaOutcome,
    DateOnly? PublishedOn,
    DateOnly? ClosedOn,
    IReadOnlyList<StepState.ClockState> Clocks)
{
    public sealed record ClockState(long Id, ClockKind Kind, ClockStatus Status, DateOnly StartDate, DateOnly BaseDueDate, int PausedDays,
        DateOnly? PausedSince, DateOnly DueDate, DateOnly? CompletedOn, DateTime? OverdueSinceUtc);

    /// The state before a step, or null when it cannot be kept: a clock not yet saved (started by an earlier step of the
    /// same command) has no id to find it by.
    public static StepState? Capture(Review r, IEnumerable<ReviewClock> clocks)
    {
        var open = clocks.Where(c => c.IsOpen).ToList();
        if (open.Any(c => c.Id == 0))
        {
            return null;
        }

        return new StepState(r.Stage, r.HeldFromStage, r.HoldReason, r.HeldSince, r.HoldExpectedReviewDate, r.CrgFirstPresentedOn, r.CrgOutcome,
            r.IsAlternativeReview, r.DecidedOn, r.HomeOfficeNotifiedOn, r.HomeOfficeDirected, r.SignedOffOn, r.SignOffAmendmentsAskedOn, r.SubmittedOn,
            r.QaOutcome, r.PublishedOn, r.ClosedOn,
            open.Select(c => new ClockState(c.Id, c.Kind, c.Status, c.StartDate, c.BaseDueDate, c.PausedDays, c.PausedSince, c.DueDate, c.CompletedOn,
                c.OverdueSinceUtc)).ToList());
    }

    public string ToJson() => JsonSerializer.Serialize(this);

    public static StepState FromJson(string json) =>
        JsonSerializer.Deserialize<StepState>(json) ?? throw new InvalidOperationException("A step's state before it is empty.");

    /// Puts the review's fields back as they were (the clocks: CaseChanges.UndoStep).
    public void RestoreTo(Review r)
    {
        r.Stage = Stage;
        r.HeldFromStage = HeldFromStage;
        r.HoldReason = HoldReason;
        r.HeldSince = HeldSince;
        r.HoldExpectedReviewDate = HoldExpectedReviewDate;
        r.CrgFirstPresentedOn = CrgFirstPresentedOn;
        r.CrgOutcome = CrgOutcome;
        r.IsAlternativeReview = IsAlternativeReview;
        r.DecidedOn = DecidedOn;
        r.HomeOfficeNotifiedOn = HomeOfficeNotifiedOn;
        r.HomeOfficeDirected = HomeOfficeDirected;
        r.SignedOffOn = SignedOffOn;
        r.SignOffAmendmentsAskedOn = SignOffAmendmentsAskedOn;
        r.SubmittedOn = SubmittedOn;
        r.QaOutcome = QaOutcome;
        r.PublishedOn = PublishedOn;
        r.ClosedOn = ClosedOn;
    }

    public static void RestoreTo(ReviewClock clock, ClockState s)
    {
        clock.Status = s.Status;
        clock.StartDate = s.StartDate;
        clock.BaseDueDate = s.BaseDueDate;
        clock.PausedDays = s.PausedDays;
        clock.PausedSince = s.PausedSince;
        clock.DueDate = s.DueDate;
        clock.CompletedOn = s.CompletedOn;
        clock.OverdueSinceUtc = s.OverdueSinceUtc;
    }
}
