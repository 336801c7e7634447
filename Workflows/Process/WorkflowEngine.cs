using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Process;

/// What a transition did (or, for a repeated idempotency key, did the first time).
public sealed record TransitionResult(int ReviewId, Trigger Trigger, Stage From, Stage To, long JournalEntryId, int Version, bool Repeated);

/// The action is not available now: the reasons say why (permission, guards), as on the review page.
public sealed record ActionUnavailable(string Action, IReadOnlyList<string> Reasons)
    : Error($"\"{Action}\" is not available: {string.Join(" ", Reasons)}");

public sealed record KeyReused()
    : Error("This form was already used for a different action. Reload the page and try again.");

/// The one command path for moving a review on (ARCHITECTURE.md, "Why there is no Elsa").
public sealed partial class WorkflowEngine(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, ProcessRegistry registry, DeadlineSettings deadlines,
    IProcessNotifications notifications)
{
    /// Checks access, permission, guards and the arguments, fires the trigger, and writes in one transaction the
    /// journal entry, tasks opened and closed, clocks and timers, the audit row and the idempotency key.
    /// The key (one per form shown; "timer:{id}" for timers) makes a double click or retry one transition.
    /// args.ExpectedVersion, if given, is the Version the page showed: a review changed since returns Conflict,
    /// as does a concurrent command that commits first.
    public Task<Result<TransitionResult>> FireAsync(int reviewId, Trigger trigger, TriggerArgs args, Actor actor, string idempotencyKey,
        CancellationToken ct = default) =>
        FireAsync(reviewId, trigger, args, actor, idempotencyKey, alongside: null, ct);

    /// As FireAsync, and alongside adds what a feature records with the transition (e.g. a submission's checklist) to
    /// the same context after the transition's effects: all is saved in one transaction, and nothing for a repeated key.
    public async Task<Result<TransitionResult>> FireAsync(int reviewId, Trigger trigger, TriggerArgs args, Actor actor, string idempotencyKey,
        Action<IReviewDb, CaseChanges>? alongside, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > IdempotencyKey.KeyMaxLength)
        {
            throw new ArgumentException($"An idempotency key of 1 to {IdempotencyKey.KeyMaxLength} characters is required.", nameof(idempotencyKey));
        }

        await using var db = await dbs.CreateAsync(ct);
        var scope = await CaseScope.LoadAsync(db, actor, ct);
        var access = await scope.ForAsync(db, reviewId, ct);
        if (!access.CanRead)
        {
            var exists = await db.Reviews.AnyAsync(r => r.Id == reviewId, ct);
            await audit.RefusedAsync(db, actor, "Review", reviewId.ToString(), exists ? reviewId : null, $"fire {trigger}", ct);
            return new AccessRefused("this review");
        }

        var review = await db.Reviews.Include(r => r.Participants).SingleAsync(r => r.Id == reviewId, ct);
        review.ActionsNotSignedOff = await ActionPlans.ActionPlanGuard.NotSignedOffAsync(db, reviewId, ct);

        // Looked up after loading the review: a twin request that committed meanwhile is then seen here, not
        // mistaken for a refusal because the review has already moved on.
        if (await EarlierResultAsync(db, idempotencyKey, reviewId, trigger, ct) is { } earlier)
        {
            return earlier;
        }

        if (args.ExpectedVersion is int expected && expected != review.Version)
        {
            return new Conflict("This review");
        }

        var definition = registry.For(review);
        var option = definition.Evaluate(review, actor, access.CanChange, trigger);
        if (!option.IsAvailable)
        {
            await audit.RefusedAsync(db, actor, "Review", reviewId.ToString(), reviewId,
                $"{trigger} at {review.Stage}: {string.Join(" ", option.Reasons)}", ct);
            return new ActionUnavailable(option.Label, option.Reasons);
        }

        var errors = args.Validate(trigger, review, clock.Today).ToList();
        if (trigger == Trigger.AppointAuthor && !string.IsNullOrWhiteSpace(args.AuthorUserId) && !await IsAuthorAsync(db, args.AuthorUserId, ct))
        {
            errors.Add(new Error("Choose an active independent chair/author account.", nameof(TriggerArgs.AuthorUserId)));
        }

        if (trigger == Trigger.AppointAuthor && !string.IsNullOrWhiteSpace(args.SecondAuthorUserId) && !await IsAuthorAsync(db, args.SecondAuthorUserId, ct))
        {
            errors.Add(new Error("Choose an active independent chair/author account.", nameof(TriggerArgs.SecondAuthorUserId)));
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var changes = await CaseChanges.LoadAsync(db, review, actor, clock.UtcNow, deadlines, ct);
        var from = review.Stage;
        definition.Build(review).Fire(trigger);
        definition.Apply(changes, trigger, from, args);
        alongside?.Invoke(db, changes);
        var journal = changes.Journal(JournalKind.Transition, from, trigger, args.Comment);
        review.Version++;
        db.IdempotencyKeys.Add(new IdempotencyKey
        {
            Key = idempotencyKey,
            ReviewId = reviewId,
            UserId = actor.UserId,
            CreatedAtUtc = changes.NowUtc,
            JournalEntry = journal,
        });
        audit.Add(db, actor, AuditAction.Changed, "Review", reviewId.ToString(), reviewId, review.Reference,
            $"{trigger}: {from} -> {review.Stage}");

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // A racing request with the same key (unique index) or a command that committed first (version check).
            await using var fresh = await dbs.CreateAsync(ct);
            if (await EarlierResultAsync(fresh, idempotencyKey, reviewId, trigger, ct) is { } repeated)
            {
                return repeated;
            }

            if (e is DbUpdateConcurrencyException)
            {
                return new Conflict("This review");
            }

            throw;
        }

        return new TransitionResult(reviewId, trigger, from, review.Stage, journal.Id, review.Version, Repeated: false);
    }

    /// Starts the process for a review just registered: pins the definition, starts the decision clock, opens the
    /// first task and writes the journal's first entry into the registration's own context (and transaction).
    public async Task StartAsync(IReviewDb db, Review review, Actor actor, CancellationToken ct = default)
    {
        var definition = registry.Current;
        review.DefinitionId = definition.Id;
        review.DefinitionVersion = definition.Version;
        var changes = await CaseChanges.LoadAsync(db, review, actor, clock.UtcNow, deadlines, ct);
        definition.Start(changes);
        changes.Journal(JournalKind.Started, null, null, "Notification registered.");
    }

    /// Fires one timer claimed by a sweep (claimToken): marks the clock or task overdue, raises the priority of its
    /// tasks and writes the journal, once (key "timer:{id}"). A timer whose clock or task has moved on is cancelled.
    /// Returns whether it did something.
    public async Task<bool> FireTimerAsync(long timerId, string claimToken, CancellationToken ct = default)
    {
        var key = TimerKey(timerId);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbs.CreateAsync(ct);
            var timer = await db.Timers.SingleOrDefaultAsync(t => t.Id == timerId, ct);
            if (timer is null || timer.Status != TimerStatus.Claimed || timer.ClaimedBy != claimToken)
            {
                return false;
            }

            var now = clock.UtcNow;
            if (await db.IdempotencyKeys.AnyAsync(k => k.Key == key, ct))
            {
                timer.Status = TimerStatus.Fired;
                timer.FiredAtUtc ??= now;
                await db.SaveChangesAsync(ct);
                return false;
            }

            var review = await db.Reviews.SingleAsync(r => r.Id == timer.ReviewId, ct);
            var changes = await CaseChanges.LoadAsync(db, review, Actor.Anonymous, now, deadlines, ct);
            var notice = Fire(db, changes, timer, key);
            try
            {
                await db.SaveChangesAsync(ct);
                return notice is not null;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A person changed the case at the same moment: look again with the new state.
            }
        }
    }

    /// Fires a batch of timers claimed by one sweep (claimToken) in one context and one transaction, with the same
    /// effects and keys as FireTimerAsync for each: the cases are loaded together and a single commit writes them,
    /// instead of a commit per timer (on SQLite each commit waits for the disk). Timers no longer claimed by this
    /// token are left alone. Throws if the batch cannot be saved (e.g. a person changed one of its cases at the same
    /// moment): nothing is then written, and the sweep fires those timers one by one. Returns how many did something.
    public async Task<int> FireTimersAsync(IReadOnlyCollection<long> timerIds, string claimToken, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var timers = await db.Timers.Where(t => timerIds.Contains(t.Id) && t.Status == TimerStatus.Claimed && t.ClaimedBy == claimToken)
            .OrderBy(t => t.DueAtUtc).ThenBy(t => t.Id).ToListAsync(ct);
        if (timers.Count == 0)
        {
            return 0;
        }

        var now = clock.UtcNow;
        var keys = timers.Select(t => TimerKey(t.Id)).ToList();
        var done = (await db.IdempotencyKeys.AsNoTracking().Where(k => keys.Contains(k.Key)).Select(k => k.Key).ToListAsync(ct)).ToHashSet();
        var cases = await CaseChanges.LoadManyAsync(db, timers.Select(t => t.ReviewId).Distinct().ToList(), Actor.Anonymous, now, deadlines, ct);
        var fired = 0;
        foreach (var timer in timers)
        {
            var key = TimerKey(timer.Id);
            if (done.Contains(key))
            {
                timer.Status = TimerStatus.Fired;
                timer.FiredAtUtc ??= now;
            }
            else if (Fire(db, cases(timer.ReviewId), timer, key) is not null)
            {
                fired++;
            }
        }

        await db.SaveChangesAsync(ct);
        return fired;
    }

    private static string TimerKey(long timerId) => $"timer:{timerId}";

    /// What firing one timer writes (saved by the caller): the deadline's effects, the timer's new status, and for a
    /// deadline that still stands the journal entry, the review's version, the audit row and the notification; then
    /// the key. Returns the notice, or null if the clock or task had moved on (the timer is cancelled).
    private DeadlineNotice? Fire(IReviewDb db, CaseChanges changes, WorkflowTimer timer, string key)
    {
        var review = changes.Review;
        var notice = DeadlinePassed(changes, timer);
        timer.Status = notice is null ? TimerStatus.Cancelled : TimerStatus.Fired;
        timer.FiredAtUtc = changes.NowUtc;
        JournalEntry? journal = null;
        if (notice is not null)
        {
            journal = changes.Journal(JournalKind.Deadline, review.Stage, null, null);
            review.Version++;
            audit.Add(db, Actor.Anonymous, AuditAction.Changed, "Review", review.Id.ToString(), review.Id, review.Reference, $"deadline: timer {timer.Id}");
            notifications.DeadlinePassed(db, notice);
        }

        db.IdempotencyKeys.Add(new IdempotencyKey { Key = key, ReviewId = review.Id, CreatedAtUtc = changes.NowUtc, JournalEntry = journal });
        return notice;
    }

    private static DeadlineNotice? DeadlinePassed(CaseChanges c, WorkflowTimer timer)
    {
        switch (timer.Kind)
        {
            case TimerKind.ClockDue:
                // CaseChanges holds the review's open clocks: one not among them has completed or been cancelled.
                var clockRow = c.OpenClock(timer.ClockId);
                if (clockRow is null || clockRow.Status != ClockStatus.Running || London.OverdueFromUtc(clockRow.DueDate) > c.NowUtc)
                {
                    return null;
                }

                clockRow.OverdueSinceUtc ??= c.NowUtc;
                var items = c.OpenItems.Where(w => w.ClockId == clockRow.Id && !w.IsPaused).ToList();
                foreach (var item in items)
                {
                    item.Priority = WorkItemPriority.Urgent;
                    item.Version++;
                }

                if (clockRow.Kind == ClockKind.QaChase)
                {
                    c.Note($"No quality assurance outcome by {CaseChanges.Format(clockRow.DueDate)}.");
                    c.OpenItem(WorkItemKind.ChaseQaOutcome, "Chase the Home Office for the quality assurance outcome", processStep: false)
                        .Priority = WorkItemPriority.High;
                }
                else
                {
                    c.Note($"{ReviewClock.Describe(clockRow.Kind)} {CaseChanges.Format(clockRow.DueDate)} has passed: overdue.");
                }

                return new DeadlineNotice(c.Review.Id, timer.Id, clockRow.Kind, items.Select(w => w.Id).ToList());

            case TimerKind.WorkItemDue:
                var task = c.OpenItems.SingleOrDefault(w => w.Id == timer.WorkItemId);
                if (task is null || task.IsPaused || task.DueDate is not DateOnly due || London.OverdueFromUtc(due) > c.NowUtc)
                {
                    return null;
                }

                task.Priority = WorkItemPriority.Urgent;
                task.Version++;
                c.Note($"Task \"{task.Title}\" was due {CaseChanges.Format(due)}: overdue.");
                return new DeadlineNotice(c.Review.Id, timer.Id, null, [task.Id]);

            default:
                throw new InvalidOperationException($"Unknown timer kind {timer.Kind}.");
        }
    }

    private async Task<Result<TransitionResult>?> EarlierResultAsync(IReviewDb db, string key, int reviewId, Trigger trigger, CancellationToken ct)
    {
        var earlier = await db.IdempotencyKeys.AsNoTracking().Where(k => k.Key == key)
            .Select(k => new { k.ReviewId, k.JournalEntry }).SingleOrDefaultAsync(ct);
        if (earlier is null)
        {
            return null;
        }

        var entry = earlier.JournalEntry;
        if (earlier.ReviewId != reviewId || entry?.Trigger != trigger || entry.FromStage is not Stage from)
        {
            return Result<TransitionResult>.Fail(new KeyReused());
        }

        var version = await db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Version).SingleAsync(ct);
        return new TransitionResult(reviewId, trigger, from, entry.ToStage, entry.Id, version, Repeated: true);
    }

    private static Task<bool> IsAuthorAsync(IReviewDb db, string userId, CancellationToken ct) =>
        ChairAuthorsQuery.Active(db).AnyAsync(u => u.Id == userId, ct);
}
