using Domain;
using Domain.Access;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Process;

public sealed record ClockView(ClockKind Kind, string Label, DateOnly StartDate, DateOnly DueDate, int PausedDays, ClockStatus Status,
    DateOnly? CompletedOn, bool IsOverdue, int? DaysLeft, string DueText);

/// The process panel of the review page: where the review is, what can be done next (and why not), its clocks and
/// the diagram with the current stage highlighted. Send Version back as TriggerArgs.ExpectedVersion.
public sealed record ReviewProcessView(
    int ReviewId, Stage Stage, int Version, string Definition, Stage? HeldFromStage, HoldReason? HoldReason, DateOnly? HeldSince,
    DateOnly? HoldExpectedReviewDate, bool UnderChallenge, IReadOnlyList<ActionOption> Actions, IReadOnlyList<ClockView> Clocks, string Diagram,
    CorrectableStep? LatestStep = null);

/// Reads the process state of one review. The page view itself is audited by GetReviewHandler; a refused read is
/// audited here.
public sealed class ReviewProcessQuery(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, ProcessRegistry registry, WorkflowEngine engine)
{
    public async Task<Result<ReviewProcessView>> HandleAsync(Actor actor, int reviewId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var scope = await CaseScope.LoadAsync(db, actor, ct);
        var access = await scope.ForAsync(db, reviewId, ct);
        if (!access.CanRead)
        {
            await audit.RefusedAsync(db, actor, "Review", reviewId.ToString(), reviewId, "view process", ct);
            return new AccessRefused("this review");
        }

        var review = await db.Reviews.AsNoTracking().Include(r => r.Participants).SingleAsync(r => r.Id == reviewId, ct);
        var definition = registry.For(review);
        var today = clock.Today;
        var clocks = await db.ReviewClocks.AsNoTracking().Where(c => c.ReviewId == reviewId && c.Status != ClockStatus.Cancelled)
            .OrderBy(c => c.StartDate).ThenBy(c => c.Id).ToListAsync(ct);
        return new ReviewProcessView(
            review.Id, review.Stage, review.Version, definition.Title, review.HeldFromStage, review.HoldReason, review.HeldSince,
            review.HoldExpectedReviewDate, review.UnderChallenge,
            await engine.ActionsAsync(db, review, actor, access, ct),
            // A clock started again (a new decision, a resubmission) stands for its kind; the journal keeps the earlier one.
            clocks.GroupBy(c => c.Kind).Select(g => g.Last()).OrderBy(c => c.StartDate).ThenBy(c => c.Id).Select(c => View(c, today)).ToList(),
            definition.ToMermaid(review.Stage),
            await engine.CorrectableStepAsync(db, review, actor, access, ct));
    }

    /// A paused clock shows its due date as it stands; the days held so far are added when the hold ends.
    private static ClockView View(ReviewClock c, DateOnly today)
    {
        var open = c.IsOpen;
        var heldSoFar = c.PausedSince is DateOnly since ? today.DayNumber - since.DayNumber : 0;
        return new ClockView(c.Kind, ReviewClock.Describe(c.Kind), c.StartDate, c.DueDate, c.PausedDays + heldSoFar, c.Status, c.CompletedOn,
            IsOverdue: c.Status == ClockStatus.Running && DueText.IsOverdue(c.DueDate, today),
            DaysLeft: open ? DueText.DaysLeft(c.DueDate, today) : null,
            DueText: c.Status switch
            {
                ClockStatus.Running => DueText.Describe(c.DueDate, today),
                ClockStatus.Paused => "paused (on hold)",
                ClockStatus.Completed => c.CompletedOn > c.DueDate ? "met late" : "met",
                _ => "cancelled",
            });
    }
}
