using Domain.Access;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Workflows.Data;

namespace Workflows.Process;

/// One step of a review's history as an office's tracker recorded it: the day it happened (for a month alone or a date
/// not recorded, the day it is known to have happened by: see DatePrecision) and its arguments.
public sealed record ImportedStep(DateOnly On, TriggerArgs Args, DatePrecision Precision = DatePrecision.Day)
{
    public Trigger Trigger => Args.Trigger;
}

public sealed partial class WorkflowEngine
{
    /// The import path: starts the process of a review just added (and saved, so it has an Id) in the caller's
    /// transaction, and replays its history through the same definition, guards, argument checks and effects as
    /// FireAsync, each step at noon London time on its own date. The journal entries keep those dates and are marked
    /// IsImported; clocks run from the real dates. The caller has checked that the actor may import for the lead
    /// office and commits or rolls back. Returns why a step could not be replayed (empty when all were).
    public async Task<IReadOnlyList<string>> ImportHistoryAsync(IReviewDb db, Review review, Actor actor, IReadOnlyList<ImportedStep> steps,
        CancellationToken ct = default)
    {
        var definition = Pin(review);
        var changes = await CaseChanges.LoadAsync(db, review, actor, AtNoon(review.DateNotified), deadlines, ct);
        var facts = await FactsAsync(db, review, ct);
        definition.Begin(changes, "Imported from the office's tracker.").IsImported = true;
        // Saved step by step (in the caller's transaction) so the journal's ids follow the steps' order.
        await db.SaveChangesAsync(ct);

        foreach (var step in steps)
        {
            var label = TriggerNames.Describe(step.Trigger);
            if (!definition.TriggersIn(review.Stage).Contains(step.Trigger))
            {
                return [$"\"{label}\" ({UkDate.Format(step.On)}) is not possible at \"{StageNames.Describe(review.Stage)}\"."];
            }

            if (!definition.Build(review, facts).CanFire(step.Trigger, out var unmet))
            {
                return [$"\"{label}\" ({UkDate.Format(step.On)}): {string.Join(" ", unmet)}"];
            }

            var args = step.Args with { Date = step.On };
            var errors = await ValidateAsync(db, args, new TriggerCheck(review, step.On, Imported: true, changes.LastStep), ct);
            if (errors.Count > 0)
            {
                return errors.Select(e => $"\"{label}\" ({UkDate.Format(step.On)}): {e.Message}").ToList();
            }

            changes.MoveTo(AtNoon(step.On));
            var entry = definition.Fire(changes, facts, args);
            entry.IsImported = true;
            entry.Precision = step.Precision;
            if (step.Precision == DatePrecision.NotRecorded && args is CrgDecisionArgs)
            {
                // A decision whose day the tracker does not have keeps no date: the board's decision steps then say "not
                // recorded" (its journal entry has the day it is known to have happened by). No guard reads the date; the
                // review's clocks run from that day, the latest the decision can have been.
                review.DecidedOn = null;
            }

            await db.SaveChangesAsync(ct);
        }

        return [];
    }

    private static DateTime AtNoon(DateOnly date) => London.StartOfDayUtc(date).AddHours(12);
}
