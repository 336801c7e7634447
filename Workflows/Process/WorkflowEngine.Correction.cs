using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Calendar;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Process;

/// A step recorded with the wrong date, corrected by the lead office: the review's latest step (StepId, as the page
/// showed it) happened on Date instead, for the Reason given. ExpectedVersion, if given, is the Version the page showed.
public sealed record CorrectStepDate(int ReviewId, long StepId, DateOnly? Date, string? Reason, int? ExpectedVersion = null)
{
    public const string ReasonField = nameof(Reason);
}

/// What a correction did (or, for a repeated idempotency key, did the first time): its own journal entry.
public sealed record DateCorrected(int ReviewId, long JournalEntryId, int Version, bool Repeated);

/// The review's latest step as the page offers it for correction or undoing: its date, the earliest date it may take
/// (the step before it, or the notification) and, when it cannot be corrected or undone, why.
public sealed record CorrectableStep(long Id, Trigger Trigger, DateOnly OccurredOn, DateOnly Earliest, string? CannotCorrect, string? CannotUndo = null);

public sealed partial class WorkflowEngine
{
    /// One key per form shown: a double click or retry is one command.
    private static void RequireKey(string idempotencyKey)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > IdempotencyKey.KeyMaxLength)
        {
            throw new ArgumentException($"An idempotency key of 1 to {IdempotencyKey.KeyMaxLength} characters is required.", nameof(idempotencyKey));
        }
    }

    /// The checks a command on the review's latest step (correct its date, undo it) starts with, after its key: the lead
    /// office's officers and managers only (a refusal is audited), the page's version, and the step the page showed
    /// still the latest. Returns that step (tracked) with the one before it.
    private static async Task<Result<(JournalEntry Step, PreviousStep? Before)>> LatestStepForChangeAsync(
        IReviewDb db, ReviewCommand command, ProcessDefinition definition, long stepId, int? expectedVersion,
        string refusal, string refusedWhat, string title, CancellationToken ct)
    {
        if (!command.Access.CanChange || !definition.WhoMayCorrectDates.Any(command.Actor.Is))
        {
            return await command.RefuseAsync(refusal, refusedWhat, ct);
        }

        if (expectedVersion is int expected && expected != command.LoadedVersion)
        {
            return new Conflict("This review");
        }

        var (step, before) = await LatestStepAsync(db, command.Review.Id, tracked: true, ct);
        if (step is null)
        {
            return new ActionUnavailable(title, ["Nothing has been recorded on this review since it was registered."]);
        }

        // Another step was recorded (or this one undone) since the page was shown: that one is now the latest.
        return step.Id == stepId ? (step, before) : new Conflict("This review");
    }

    /// The review's latest step (its start excluded: the notification date is the review's own), with the one before it.
    private static async Task<(JournalEntry? Latest, PreviousStep? Before)> LatestStepAsync(IReviewDb db, int reviewId, bool tracked, CancellationToken ct)
    {
        var query = db.JournalEntries.Where(j => j.ReviewId == reviewId && (j.Kind == JournalKind.Started || j.Kind == JournalKind.Transition)
                                                 && j.UndoneById == null);
        var two = await (tracked ? query : query.AsNoTracking()).OrderByDescending(j => j.OccurredOn).ThenByDescending(j => j.Id).Take(2).ToListAsync(ct);
        var latest = two.FirstOrDefault() is { Kind: JournalKind.Transition, Trigger: not null } step ? step : null;
        return (latest, two.Skip(1).Select(j => new PreviousStep(j.OccurredOn, j.Trigger)).FirstOrDefault());
    }

    /// The latest step this actor may correct the date of or undo, for the review page; null when they may not or there is none.
    public async Task<CorrectableStep?> CorrectableStepAsync(IReviewDb db, Domain.Reviews.Review review, Actor actor, CaseAccess access, CancellationToken ct)
    {
        var definition = registry.For(review);
        if (!access.CanChange || !definition.WhoMayCorrectDates.Any(actor.Is))
        {
            return null;
        }

        var (latest, before) = await LatestStepAsync(db, review.Id, tracked: false, ct);
        return latest is null ? null
            : new CorrectableStep(latest.Id, latest.Trigger!.Value, latest.OccurredOn, before is { } b && b.On > review.DateNotified ? b.On : review.DateNotified,
                definition.CannotCorrectDate(latest.Trigger.Value), await CannotUndoAsync(db, definition, latest, ct));
    }

    /// Corrects the date of the review's latest step (recorded by mistake with the wrong date), in one context and one
    /// transaction: the step's journal entry takes the new date and keeps the first (FirstOccurredOn); what the date fed
    /// is recomputed by the definition (ProcessDefinition.CorrectDate: dates on the review, clocks, timers, tasks);
    /// a journal entry of its own says who corrected it, when and why; one audit row. Only the latest step: a step
    /// with steps after it would move dates they were checked against. The lead office's officers and managers only
    /// (a refusal is audited). The new date keeps the rules of a step's date (TriggerArgs.OrderProblem) against the
    /// step before it. The key makes a double click one correction.
    public async Task<Result<DateCorrected>> CorrectDateAsync(CorrectStepDate request, Actor actor, string idempotencyKey, CancellationToken ct = default)
    {
        RequireKey(idempotencyKey);

        await using var db = await dbs.CreateAsync(ct);
        var opened = await OpenAsync(db, request.ReviewId, actor, "correct a step's date", ct);
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        var command = opened.Value;
        var review = command.Review;
        if (await EarlierCorrectionAsync(db, idempotencyKey, review.Id, ct) is { } earlier)
        {
            return earlier;
        }

        var definition = registry.For(review);
        var latest = await LatestStepForChangeAsync(db, command, definition, request.StepId, request.ExpectedVersion,
            "correct a step's date: only the lead office's review officers and managers may", "correcting this review's steps", "Correct the date", ct);
        if (!latest.IsSuccess)
        {
            return latest.Error!;
        }

        var (step, before) = latest.Value;
        var trigger = step.Trigger!.Value;
        if (definition.CannotCorrectDate(trigger) is { } cannot)
        {
            return new ActionUnavailable("Correct the date", [cannot]);
        }

        var from = step.OccurredOn;
        var errors = new List<Error>();
        if (request.Date is not DateOnly to)
        {
            errors.Add(new Error("Enter the date the step happened.", nameof(CorrectStepDate.Date)));
            to = from;
        }
        else if (to == from)
        {
            errors.Add(new Error($"The step is already dated {UkDate.Format(from)}: enter the date it happened.", nameof(CorrectStepDate.Date)));
        }
        else if (TriggerArgs.OrderProblem(new TriggerCheck(review, clock.Today, Previous: before), to) is { } problem)
        {
            errors.Add(new Error(problem, nameof(CorrectStepDate.Date)));
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors.Add(new Error("Say why the date is corrected.", CorrectStepDate.ReasonField));
        }
        else if (request.Reason.Trim().Length > JournalEntry.CommentMaxLength)
        {
            errors.Add(new Error($"The reason must be {JournalEntry.CommentMaxLength} characters or fewer.", CorrectStepDate.ReasonField));
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var changes = await command.ChangesAsync(ct);
        await changes.LoadForCorrectionAsync(from, step.RecordedAtUtc, ct);
        changes.Note(EntryWords.DateCorrected(trigger, from, to));
        definition.CorrectDate(changes, trigger, from, to, step.RecordedAtUtc);
        step.FirstOccurredOn ??= from;
        step.OccurredOn = to;
        // A step imported with its month alone, or with no date, now has its day.
        step.Precision = DatePrecision.Day;
        review.Version++;
        // The correction is made today; the entry it corrects now says when the step happened.
        var journal = changes.Journal(JournalKind.DateCorrected, review.Stage, null, request.Reason, changes.Today);
        db.IdempotencyKeys.Add(new IdempotencyKey
        {
            Key = idempotencyKey,
            ReviewId = review.Id,
            UserId = actor.UserId,
            CreatedAtUtc = changes.NowUtc,
            JournalEntry = journal,
        });
        audit.Add(db, actor, AuditAction.Changed, "Review", review.Id.ToString(), review.Id, review.Reference, EntryWords.DateCorrected(trigger, from, to));
        return await SaveOnceAsync(db, () => EarlierCorrectionAsync(db, idempotencyKey, review.Id, ct),
            () => new DateCorrected(review.Id, journal.Id, review.Version, Repeated: false), ct);
    }

    private static Task<Result<DateCorrected>?> EarlierCorrectionAsync(IReviewDb db, string key, int reviewId, CancellationToken ct) =>
        EarlierEntryAsync(db, key, reviewId, JournalKind.DateCorrected, (entryId, version) => new DateCorrected(reviewId, entryId, version, Repeated: true), ct);

    /// The result of an earlier command with this key, which wrote a journal entry of this kind on this review; KeyReused
    /// for a key used for something else; null when the key is new.
    private static async Task<Result<T>?> EarlierEntryAsync<T>(IReviewDb db, string key, int reviewId, JournalKind kind, Func<long, int, T> repeated,
        CancellationToken ct)
    {
        var earlier = await db.IdempotencyKeys.AsNoTracking().Where(k => k.Key == key)
            .Select(k => new { k.ReviewId, Kind = (JournalKind?)k.JournalEntry!.Kind, k.JournalEntryId }).SingleOrDefaultAsync(ct);
        if (earlier is null)
        {
            return null;
        }

        if (earlier.ReviewId != reviewId || earlier.Kind != kind || earlier.JournalEntryId is not long entryId)
        {
            return Result<T>.Fail(new KeyReused());
        }

        var version = await db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Version).SingleAsync(ct);
        return repeated(entryId, version);
    }

    /// Saves everything a command added to its context in one transaction. A racing request with the same key (unique
    /// index) that committed first gives its result (`earlier`); a command that changed the review first gives Conflict.
    private static async Task<Result<T>> SaveOnceAsync<T>(IReviewDb db, Func<Task<Result<T>?>> earlier, Func<T> saved, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Nothing of this command was written; the context serves the look-up.
            db.ChangeTracker.Clear();
            if (await earlier() is { } repeated)
            {
                return repeated;
            }

            if (e is DbUpdateConcurrencyException)
            {
                return new Conflict("This review");
            }

            throw;
        }

        return saved();
    }
}
