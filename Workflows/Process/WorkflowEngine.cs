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

    /// Fires timers claimed by one sweep (claimToken), in one context and one transaction: for each timer whose
    /// deadline still stands the clock or task is marked overdue and its tasks made urgent; a timer whose clock or
    /// task has moved on is cancelled. Each review whose deadlines passed gets one journal entry (naming every
    /// deadline), one version and one audit row, however many of its timers fell due together (after an outage a
    /// case can have ten). Each timer gets its key "timer:{id}" (a key already there means it fired before).
    /// The timers are read untracked and marked fired or cancelled by conditional updates in the same transaction
    /// ("still claimed by this token"): if one is no longer claimed by this token (another sweep took it over after
    /// the lease), or the batch cannot be saved (e.g. a person changed one of its cases at the same moment), this
    /// throws and nothing is written. Returns how many timers did something.
    public async Task<int> FireTimersAsync(IReadOnlyCollection<long> timerIds, string claimToken, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var timers = await db.Timers.AsNoTracking().Where(t => timerIds.Contains(t.Id) && t.Status == TimerStatus.Claimed && t.ClaimedBy == claimToken)
            .OrderBy(t => t.DueAtUtc).ThenBy(t => t.Id).ToListAsync(ct);
        if (timers.Count == 0)
        {
            return 0;
        }

        var now = clock.UtcNow;
        var keys = timers.Select(t => TimerKey(t.Id)).ToList();
        var done = (await db.IdempotencyKeys.AsNoTracking().Where(k => keys.Contains(k.Key)).Select(k => k.Key).ToListAsync(ct)).ToHashSet();
        var cases = await CaseChanges.LoadForTimersAsync(db, timers, Actor.Anonymous, now, deadlines, ct);
        var timerKeys = new List<TimerKeyRow>();
        var notices = timers.GroupBy(t => t.ReviewId).SelectMany(group => Fire(db, cases[group.Key], group.ToList(), done, timerKeys)).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The marks go in set-based, two statements a batch rather than a tracked update a clock or task.
        var urgent = notices.SelectMany(n => n.WorkItemIds).Distinct().ToList();
        if (urgent.Count > 0)
        {
            await db.WorkItems.Where(w => urgent.Contains(w.Id) && w.Status == WorkItemStatus.Open)
                .ExecuteUpdateAsync(u => u.SetProperty(w => w.Priority, WorkItemPriority.Urgent).SetProperty(w => w.Version, w => w.Version + 1), ct);
        }

        var overdue = notices.Where(n => n.ClockId is not null).Select(n => n.ClockId!.Value).Distinct().ToList();
        if (overdue.Count > 0)
        {
            await db.ReviewClocks.Where(c => overdue.Contains(c.Id) && c.OverdueSinceUtc == null)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.OverdueSinceUtc, now), ct);
        }

        var marked = 0;
        foreach (var status in new[] { TimerStatus.Fired, TimerStatus.Cancelled })
        {
            var ids = timers.Where(t => t.Status == status).Select(t => t.Id).ToList();
            if (ids.Count > 0)
            {
                marked += await db.Timers
                    .Where(t => ids.Contains(t.Id) && t.Status == TimerStatus.Claimed && t.ClaimedBy == claimToken)
                    .ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, status).SetProperty(t => t.FiredAtUtc, now), ct);
            }
        }

        if (marked != timers.Count)
        {
            throw new DbUpdateConcurrencyException($"{timers.Count - marked} of {timers.Count} timers are no longer claimed by this sweep.");
        }

        await db.SaveChangesAsync(ct);
        await AddTimerKeysAsync(db, timerKeys, now, ct);
        await transaction.CommitAsync(ct);
        return notices.Count;
    }

    private static string TimerKey(long timerId) => $"timer:{timerId}";

    private sealed record TimerKeyRow(long TimerId, int ReviewId, JournalEntry? Journal);

    /// Writes the timers' keys once SaveChanges has given the journal entries their ids, in multi-row INSERTs. EF
    /// sends an INSERT a row (returning its id): with a thousand timers in a batch, 100,000 due timers took 23 s on
    /// SQLite that way and 20 s this way (docs/BENCHMARKS.md, session 5). Plain SQL that both providers run; the unique
    /// index on Key still refuses a repeat.
    private static async Task AddTimerKeysAsync(IReviewDb db, List<TimerKeyRow> keys, DateTime now, CancellationToken ct)
    {
        const int Columns = 4;
        foreach (var chunk in keys.Chunk(500))
        {
            var rows = chunk.Select((_, i) => $"({{{i * Columns}}}, {{{i * Columns + 1}}}, {{{i * Columns + 2}}}, {{{i * Columns + 3}}})");
            var values = chunk.SelectMany(k => new object?[] { TimerKey(k.TimerId), k.ReviewId, now, k.Journal?.Id });
            // Only placeholders go into the text; the values are parameters.
            var sql = "INSERT INTO \"IdempotencyKeys\" (\"Key\", \"ReviewId\", \"CreatedAtUtc\", \"JournalEntryId\") VALUES " + string.Join(", ", rows);
            await db.Database.ExecuteSqlRawAsync(sql, values!, ct);
        }
    }

    /// What firing one review's due timers adds to the context (saved by the caller): each timer's new status (in
    /// memory: the caller writes it); for deadlines that still stand one journal entry, the review's version, one
    /// audit row and a notification each; then each timer's key, into keys (the caller writes them). Returns the
    /// deadlines that stood, whose clock and task marks the caller writes.
    private List<DeadlineNotice> Fire(IReviewDb db, CaseChanges changes, IReadOnlyList<WorkflowTimer> timers, HashSet<string> done, List<TimerKeyRow> keys)
    {
        var review = changes.Review;
        var notices = new List<DeadlineNotice>();
        var pending = timers.Where(t => !done.Contains(TimerKey(t.Id))).ToList();
        foreach (var timer in timers.Except(pending))
        {
            timer.Status = TimerStatus.Fired;
        }

        foreach (var timer in pending)
        {
            var notice = DeadlinePassed(changes, timer);
            timer.Status = notice is null ? TimerStatus.Cancelled : TimerStatus.Fired;
            if (notice is not null)
            {
                notices.Add(notice);
            }
        }

        JournalEntry? journal = null;
        if (notices.Count > 0)
        {
            journal = changes.Journal(JournalKind.Deadline, review.Stage, null, null);
            review.Version++;
            audit.Add(db, Actor.Anonymous, AuditAction.Changed, "Review", review.Id.ToString(), review.Id, review.Reference,
                $"deadline: timer {string.Join(", ", notices.Select(n => n.TimerId))}");
            notices.ForEach(notice => notifications.DeadlinePassed(db, notice));
        }

        keys.AddRange(pending.Select(timer => new TimerKeyRow(timer.Id, review.Id, journal)));

        return notices;
    }

    /// Whether a timer's deadline still stands, and what it marks: the clock (overdue) and the tasks (urgent) are
    /// written by FireTimersAsync for the whole batch; the journal note and a QA chase task go into the case's changes.
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

                var items = c.OpenItems.Where(w => w.ClockId == clockRow.Id && !w.IsPaused).ToList();
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

                return new DeadlineNotice(c.Review.Id, timer.Id, clockRow.Kind, items.Select(w => w.Id).ToList(), clockRow.Id);

            case TimerKind.WorkItemDue:
                var task = c.OpenItems.SingleOrDefault(w => w.Id == timer.WorkItemId);
                if (task is null || task.IsPaused || task.DueDate is not DateOnly due || London.OverdueFromUtc(due) > c.NowUtc)
                {
                    return null;
                }

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
