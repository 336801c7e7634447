using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Process;

/// A closed review's last close as its journal recorded it: how it closed, the open stage a reopening returns to (the
/// stage it was closed from; for a review stopped while on hold, the stage it was held from, since the hold ended with
/// it), the day it closed, the instant it was recorded (which the tasks it cancelled and the panel access it ended
/// carry) and, for a close from a hold, the day the hold began (its clocks stood still from then).
public sealed record ClosingStep(Trigger Trigger, Stage ReturnTo, DateOnly ClosedOn, DateTime RecordedAtUtc, DateOnly? HeldSince)
{
    /// Null when the review is not closed or its close is not in the journal as a step from an open stage.
    public static async Task<ClosingStep?> LoadAsync(IReviewDb db, Review review, CancellationToken ct)
    {
        if (review.Stage != Stage.Closed)
        {
            return null;
        }

        var steps = db.JournalEntries.AsNoTracking().Where(j => j.ReviewId == review.Id && j.Kind == JournalKind.Transition && j.UndoneById == null);
        var close = await steps.Where(j => j.ToStage == Stage.Closed && j.FromStage != Stage.Closed)
            .OrderByDescending(j => j.Id).Select(j => new { j.Id, j.Trigger, j.FromStage, j.OccurredOn, j.RecordedAtUtc }).FirstOrDefaultAsync(ct);
        if (close is not { Trigger: { } trigger, FromStage: { } from })
        {
            return null;
        }

        if (from != Stage.OnHold)
        {
            return new ClosingStep(trigger, from, close.OccurredOn, close.RecordedAtUtc, null);
        }

        var hold = await steps.Where(j => j.Id < close.Id && j.Trigger == Trigger.PutOnHold)
            .OrderByDescending(j => j.Id).Select(j => new { j.FromStage, j.OccurredOn }).FirstOrDefaultAsync(ct);
        return hold?.FromStage is { } heldFrom ? new ClosingStep(trigger, heldFrom, close.OccurredOn, close.RecordedAtUtc, hold.OccurredOn) : null;
    }
}
