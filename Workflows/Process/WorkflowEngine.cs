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

/// The one command path for moving a review on (ARCHITECTURE.md, "Why there is no Elsa"). A feature's handler opens a
/// ReviewCommand in its own context (OpenAsync), fires one or more transitions, adds its own rows and saves once; the
/// review page's generic actions use FireAsync, which does the same for a single transition.
public sealed partial class WorkflowEngine(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, ProcessRegistry registry, DeadlineSettings deadlines,
    IUnsignedActions unsignedActions, IChairAuthorAccounts chairAuthors, IClosingWork closing)
{
    /// One transition in a context of its own: opens the command, fires and saves (see ReviewCommand.FireAsync).
    /// args.ExpectedVersion, if given, is the Version the page showed: a review changed since returns Conflict, as does
    /// a concurrent command that commits first.
    public async Task<Result<TransitionResult>> FireAsync(int reviewId, TriggerArgs args, Actor actor, string idempotencyKey, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var opened = await OpenAsync(db, reviewId, actor, $"fire {args.Trigger}", ct);
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        var command = opened.Value;
        if (await command.FireAsync(args, idempotencyKey, ct) is { } error)
        {
            return error;
        }

        return command.Repeated ?? await command.SaveAsync(ct);
    }

    /// Opens a command on one review in the caller's context: the review (tracked, with its participants) and what the
    /// actor may do with it, checked once. A review the actor may not read is refused and the refusal audited ("what"
    /// says what was attempted).
    public async Task<Result<ReviewCommand>> OpenAsync(IReviewDb db, int reviewId, Actor actor, string what, CancellationToken ct = default)
    {
        var scope = await CaseScope.LoadAsync(db, actor, ct);
        var access = await scope.ForAsync(db, reviewId, ct);
        if (!access.CanRead)
        {
            await audit.RefusedAsync(db, actor, "Review", reviewId.ToString(), reviewId, what, ct);
            return new AccessRefused("this review");
        }

        var review = await db.Reviews.Include(r => r.Participants).SingleAsync(r => r.Id == reviewId, ct);
        return new ReviewCommand(this, db, actor, review, access, await FactsAsync(db, review, ct));
    }

    /// The actions of the review's current stage that this actor may take, available or not with the reasons (guards
    /// read the facts loaded here); none for someone who may not change the review.
    public async Task<IReadOnlyList<ActionOption>> ActionsAsync(IReviewDb db, Review review, Actor actor, CaseAccess access, CancellationToken ct = default) =>
        access.CanChange ? registry.For(review).Actions(review, await FactsAsync(db, review, ct), actor, canChange: true) : [];

    /// What the guards read besides the review, from the features' answers.
    public async Task<GuardFacts> FactsAsync(IReviewDb db, Review review, CancellationToken ct = default) =>
        new(ActionsNotSignedOff: await unsignedActions.CountAsync(db, review.Id, ct), LastClose: await ClosingStep.LoadAsync(db, review, ct));

    /// Checks permission, guards and the arguments, fires the trigger and adds to the command's context the journal
    /// entry, tasks opened and closed, clocks and timers, what closing a review ends (IClosingWork), the audit row and
    /// the idempotency key. The key (one per form
    /// shown; "timer:{id}" for timers) makes a double click or retry one transition: a key already used for this
    /// trigger on this review sets command.Repeated to the earlier result and changes nothing.
    internal async Task<Error?> FireAsync(ReviewCommand command, TriggerArgs args, string idempotencyKey, CancellationToken ct)
    {
        var trigger = args.Trigger;
        RequireKey(idempotencyKey);

        var (db, review, actor) = (command.Db, command.Review, command.Actor);
        // Looked up after loading the review: a twin request that committed meanwhile is then seen here, not
        // mistaken for a refusal because the review has already moved on.
        if (await EarlierResultAsync(db, idempotencyKey, review.Id, trigger, ct) is { } earlier)
        {
            if (!earlier.IsSuccess)
            {
                return earlier.Error;
            }

            command.Repeated = earlier.Value;
            return null;
        }

        command.Repeated = null;
        if (args.ExpectedVersion is int expected && expected != command.LoadedVersion)
        {
            return new Conflict("This review");
        }

        var definition = registry.For(review);
        var option = definition.Evaluate(review, command.Facts, actor, command.Access.CanChange, trigger);
        if (!option.IsAvailable)
        {
            await command.RefuseAsync($"{trigger} at {review.Stage}: {string.Join(" ", option.Reasons)}", ct);
            return new ActionUnavailable(option.Label, option.Reasons);
        }

        var changes = await command.ChangesAsync(ct);
        var errors = await ValidateAsync(db, args, new TriggerCheck(review, clock.Today, Previous: changes.LastStep), ct);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var from = review.Stage;
        if (trigger == Trigger.ReopenReview)
        {
            // Before the step, so that what it gives back is in the step's journal entry.
            await closing.ReopeningAsync(command, changes, command.Facts.LastClose!, ct);
        }

        // Kept with the step so that the lead office can undo it if it was recorded by mistake (UndoStepAsync).
        var before = StepState.Capture(review, changes.Clocks);
        var journal = definition.Fire(changes, command.Facts, args);
        journal.StateBefore = before?.ToJson();
        if (review.Stage == Stage.Closed && from != Stage.Closed)
        {
            await closing.ClosedAsync(command, trigger, ct);
        }

        db.IdempotencyKeys.Add(new IdempotencyKey
        {
            Key = idempotencyKey,
            ReviewId = review.Id,
            UserId = actor.UserId,
            CreatedAtUtc = changes.NowUtc,
            JournalEntry = journal,
        });
        audit.Add(db, actor, AuditAction.Changed, "Review", review.Id.ToString(), review.Id, review.Reference,
            $"{trigger}: {from} -> {review.Stage}");
        command.Fired(new ReviewCommand.Transition(idempotencyKey, trigger, from, review.Stage, journal));
        return null;
    }

    /// Saves everything the command added in one transaction. A racing request with the same key (unique index) that
    /// committed first gives its result (Repeated); a command that changed the review first gives Conflict.
    internal Task<Result<TransitionResult>> SaveAsync(ReviewCommand command, ReviewCommand.Transition last, CancellationToken ct)
    {
        var (db, review) = (command.Db, command.Review);
        return SaveOnceAsync(db, () => EarlierResultAsync(db, last.Key, review.Id, last.Trigger, ct),
            () => new TransitionResult(review.Id, last.Trigger, last.From, last.To, last.Journal.Id, review.Version, Repeated: false), ct);
    }

    /// Starts the process for a review just registered: pins the definition, starts the decision clock, opens the
    /// first task and writes the journal's first entry into the registration's own context (and transaction).
    public async Task StartAsync(IReviewDb db, Review review, Actor actor, CancellationToken ct = default)
    {
        var definition = Pin(review);
        var changes = await CaseChanges.LoadAsync(db, review, actor, clock.UtcNow, deadlines, ct);
        definition.Begin(changes, "Notification registered.");
    }

    internal Task AuditRefusalAsync(ReviewCommand command, string detail, CancellationToken ct) =>
        audit.RefusedAsync(command.Db, command.Actor, "Review", command.Review.Id.ToString(), command.Review.Id, detail, ct);

    internal async Task<CaseChanges> LoadChangesAsync(ReviewCommand command, CancellationToken ct)
    {
        var changes = await CaseChanges.LoadAsync(command.Db, command.Review, command.Actor, clock.UtcNow, deadlines, ct, command.Facts.LastClose);
        changes.TasksGoToActor = true;
        return changes;
    }

    private ProcessDefinition Pin(Review review)
    {
        var definition = registry.Current;
        review.DefinitionId = definition.Id;
        review.DefinitionVersion = definition.Version;
        return definition;
    }

    /// The arguments' rules on their fields, then (if those pass) the rules that read a feature's data.
    private async Task<IReadOnlyList<Error>> ValidateAsync(IReviewDb db, TriggerArgs args, TriggerCheck check, CancellationToken ct)
    {
        var errors = args.Validate(check);
        return errors.Count > 0 ? errors : await args.ValidateDataAsync(check, new TriggerData(db, chairAuthors), ct);
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

    /// A deadline that still stood when its timer fired: the clock (if any) to mark overdue and the tasks to make urgent.
    /// What names the deadline for the audit trail (EntryWords.Deadline).
    private sealed record DeadlineNotice(long TimerId, IReadOnlyList<long> WorkItemIds, string What, long? ClockId = null);

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
    /// audit row; then each timer's key, into keys (the caller writes them). Returns the
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
            // It happened on the first day a deadline was overdue, even when the sweep runs later (after an outage).
            var overdueFrom = London.DateOf(pending.Where(t => notices.Any(n => n.TimerId == t.Id)).Min(t => t.DueAtUtc));
            journal = changes.Journal(JournalKind.Deadline, review.Stage, null, null, overdueFrom);
            review.Version++;
            audit.Add(db, Actor.Anonymous, AuditAction.Changed, "Review", review.Id.ToString(), review.Id, review.Reference,
                EntryWords.DeadlinesPassed(notices.Select(n => n.What)));
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
                    c.Note($"No quality assurance outcome by {UkDate.Format(clockRow.DueDate)}.");
                    c.OpenItem(WorkItemKind.ChaseQaOutcome, "Chase the Home Office for the quality assurance outcome", processStep: false)
                        .Priority = WorkItemPriority.High;
                }
                else
                {
                    c.Note($"{ReviewClock.Describe(clockRow.Kind)} {UkDate.Format(clockRow.DueDate)} has passed: overdue.");
                }

                return new DeadlineNotice(timer.Id, items.Select(w => w.Id).ToList(), EntryWords.ClockDeadline(clockRow.Kind, clockRow.DueDate), clockRow.Id);

            case TimerKind.WorkItemDue:
                var task = c.OpenItems.SingleOrDefault(w => w.Id == timer.WorkItemId);
                if (task is null || task.IsPaused || task.DueDate is not DateOnly due || London.OverdueFromUtc(due) > c.NowUtc)
                {
                    return null;
                }

                c.Note($"Task \"{task.Title}\" was due {UkDate.Format(due)}: overdue.");
                return new DeadlineNotice(timer.Id, [task.Id], EntryWords.TaskDeadline(task.Title, due));

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
}
