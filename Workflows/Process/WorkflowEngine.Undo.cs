using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Process;

/// A step recorded by mistake, undone by the lead office: the review's latest step (StepId, as the page showed it),
/// for the Reason given. ExpectedVersion, if given, is the Version the page showed.
public sealed record UndoStep(int ReviewId, long StepId, string? Reason, int? ExpectedVersion = null)
{
    public const string ReasonField = nameof(Reason);
}

/// What undoing did (or, for a repeated idempotency key, did the first time): its own journal entry.
public sealed record StepUndone(int ReviewId, long JournalEntryId, int Version, bool Repeated);

public sealed partial class WorkflowEngine
{
    /// Why the latest step cannot be undone, or null: the definition's reasons (effects beyond the process), then those
    /// of the record (a step imported, recorded with another in one command, or kept without its state before it).
    private static async Task<string?> CannotUndoAsync(IReviewDb db, ProcessDefinition definition, JournalEntry step, CancellationToken ct)
    {
        if (definition.CannotUndo(step.Trigger!.Value) is { } why)
        {
            return why;
        }

        if (step.IsImported)
        {
            return "It was imported from the office's tracker: correct its date, or put the tracker right and import it again.";
        }

        // Steps of one command (a CRG meeting's outcome presents and decides) share their tasks: one cannot go alone.
        if (await db.JournalEntries.AnyAsync(j => j.ReviewId == step.ReviewId && j.Id != step.Id && j.Kind == JournalKind.Transition
                                                  && j.RecordedAtUtc == step.RecordedAtUtc, ct))
        {
            return "It was recorded together with the step before it: correct its date instead.";
        }

        if (await db.CrgAgendaItems.AnyAsync(i => i.ReviewId == step.ReviewId && i.OutcomeRecordedAtUtc == step.RecordedAtUtc, ct))
        {
            return "It was recorded as a CRG meeting's outcome, which the meeting's record keeps: correct its date instead.";
        }

        return step.StateBefore is null ? "It was recorded before steps could be undone: correct its date instead." : null;
    }

    /// Undoes the review's latest step (recorded by mistake), in one context and one transaction: the review, its clocks,
    /// tasks and timers go back to where they were before it (StepState, CaseChanges.UndoStep); its journal entry stays,
    /// marked undone (struck through on the timeline, left out of clocks, the board's replay and timeliness); a journal
    /// entry of its own says who undid it, when and why; one audit row. Only the latest step, and only one whose effects
    /// the engine can reverse (CannotUndoAsync). The lead office's officers and managers only (a refusal is audited).
    /// The key makes a double click one undo.
    public async Task<Result<StepUndone>> UndoStepAsync(UndoStep request, Actor actor, string idempotencyKey, CancellationToken ct = default)
    {
        RequireKey(idempotencyKey);

        await using var db = await dbs.CreateAsync(ct);
        var opened = await OpenAsync(db, request.ReviewId, actor, "undo a step", ct);
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        var command = opened.Value;
        var review = command.Review;
        if (await EarlierUndoAsync(db, idempotencyKey, review.Id, ct) is { } earlier)
        {
            return earlier;
        }

        var definition = registry.For(review);
        var latest = await LatestStepForChangeAsync(db, command, definition, request.StepId, request.ExpectedVersion,
            "undo a step: only the lead office's review officers and managers may", "undoing this review's steps", "Undo the step", ct);
        if (!latest.IsSuccess)
        {
            return latest.Error!;
        }

        var step = latest.Value.Step;
        if (await CannotUndoAsync(db, definition, step, ct) is { } cannot)
        {
            return new ActionUnavailable("Undo the step", [cannot]);
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return new ValidationFailed([new Error("Say why the step is undone.", UndoStep.ReasonField)]);
        }

        if (request.Reason.Trim().Length > JournalEntry.CommentMaxLength)
        {
            return new ValidationFailed([new Error($"The reason must be {JournalEntry.CommentMaxLength} characters or fewer.", UndoStep.ReasonField)]);
        }

        var trigger = step.Trigger!.Value;
        var before = StepState.FromJson(step.StateBefore!);
        var from = review.Stage;
        var changes = await command.ChangesAsync(ct);
        await changes.LoadForUndoAsync(before, step.RecordedAtUtc, ct);
        changes.Note(EntryWords.StepUndone(trigger, step.OccurredOn, before.Stage));
        changes.UndoStep(before, step.RecordedAtUtc);
        review.Version++;
        // Undone today; the review is back where it was.
        var journal = changes.Journal(JournalKind.StepUndone, from, null, request.Reason, changes.Today);
        step.UndoneBy = journal;
        db.IdempotencyKeys.Add(new IdempotencyKey
        {
            Key = idempotencyKey,
            ReviewId = review.Id,
            UserId = actor.UserId,
            CreatedAtUtc = changes.NowUtc,
            JournalEntry = journal,
        });
        audit.Add(db, actor, AuditAction.Changed, "Review", review.Id.ToString(), review.Id, review.Reference,
            EntryWords.StepUndone(trigger, step.OccurredOn, before.Stage));
        return await SaveOnceAsync(db, () => EarlierUndoAsync(db, idempotencyKey, review.Id, ct),
            () => new StepUndone(review.Id, journal.Id, review.Version, Repeated: false), ct);
    }

    private static Task<Result<StepUndone>?> EarlierUndoAsync(IReviewDb db, string key, int reviewId, CancellationToken ct) =>
        EarlierEntryAsync(db, key, reviewId, JournalKind.StepUndone, (entryId, version) => new StepUndone(reviewId, entryId, version, Repeated: true), ct);
}
