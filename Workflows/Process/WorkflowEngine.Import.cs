using Domain.Access;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Workflows.Data;

namespace Workflows.Process;

/// One step of a review's history as an office's tracker recorded it: the trigger, the day it happened, its arguments.
public sealed record ImportedStep(Trigger Trigger, DateOnly On, TriggerArgs Args);

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
        var definition = registry.Current;
        review.DefinitionId = definition.Id;
        review.DefinitionVersion = definition.Version;
        var start = await CaseChanges.LoadAsync(db, review, actor, AtNoon(review.DateNotified), deadlines, ct);
        definition.Start(start);
        start.Journal(JournalKind.Started, null, null, "Imported from the office's tracker.").IsImported = true;
        await db.SaveChangesAsync(ct);

        foreach (var step in steps)
        {
            var label = TriggerNames.Describe(step.Trigger);
            if (!definition.TriggersIn(review.Stage).Contains(step.Trigger))
            {
                return [$"\"{label}\" ({CaseChanges.Format(step.On)}) is not possible at \"{StageNames.Describe(review.Stage)}\"."];
            }

            if (!definition.Build(review).CanFire(step.Trigger, out var unmet))
            {
                return [$"\"{label}\" ({CaseChanges.Format(step.On)}): {string.Join(" ", unmet)}"];
            }

            var args = step.Args with { Date = step.On };
            // A chair/author appointed before the portal has no account here: the appointment is recorded by its date.
            var errors = args.Validate(step.Trigger, review, step.On)
                .Where(e => !(step.Trigger == Trigger.AppointAuthor && e.Field == nameof(TriggerArgs.AuthorUserId))).ToList();
            if (errors.Count > 0)
            {
                return errors.Select(e => $"\"{label}\" ({CaseChanges.Format(step.On)}): {e.Message}").ToList();
            }

            var changes = await CaseChanges.LoadAsync(db, review, actor, AtNoon(step.On), deadlines, ct);
            var from = review.Stage;
            definition.Build(review).Fire(step.Trigger);
            definition.Apply(changes, step.Trigger, from, args);
            changes.Journal(JournalKind.Transition, from, step.Trigger, args.Comment).IsImported = true;
            review.Version++;
            await db.SaveChangesAsync(ct);
        }

        return [];
    }

    private static DateTime AtNoon(DateOnly date) => London.StartOfDayUtc(date).AddHours(12);
}
