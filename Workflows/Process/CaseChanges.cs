using Domain.Access;
using Domain.Authors;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Process;

/// The latest step of a review's process: the day it happened and its trigger (none for the start).
public sealed record PreviousStep(DateOnly On, Trigger? Trigger)
{
    public string Describe() =>
        $"{(Trigger is { } t ? TriggerNames.Describe(t) : "Notification received")}, {UkDate.Format(On)}";
}

/// Everything one command changes in one case, gathered in one context so that a single SaveChanges writes it all
/// in one transaction: clocks started, completed, paused and resumed (with their timers), tasks opened and closed,
/// and a journal entry per step that says in words what happened. A command of several steps (a CRG outcome that
/// presents and decides; an import's history) keeps one: each step sees what the ones before it opened and closed.
public sealed class CaseChanges
{
    // Null for a case held in memory only (InMemory): the rows are then kept here and written nowhere.
    private readonly IReviewDb? _db;
    private readonly List<ReviewClock> _clocks;
    private readonly List<WorkItem> _openItems;
    private readonly List<WorkflowTimer> _pendingTimers;
    private readonly bool _pendingTimersLoaded;
    private readonly List<string> _notes = [];
    private readonly List<AuthorAppointment> _appointments = [];
    private readonly List<JournalEntry> _journal = [];
    // For a correction of a step's date (LoadForCorrectionAsync): the clocks the step scheduled, by id.
    private readonly HashSet<long> _scheduledByStep = [];
    private ClosedWork? _closed;

    private CaseChanges(IReviewDb? db, Review review, Actor actor, DateTime nowUtc, BusinessCalendar calendar, DeadlineSettings deadlines,
        List<ReviewClock> clocks, List<WorkItem> openItems, List<WorkflowTimer>? pendingTimers, PreviousStep? lastStep = null)
    {
        LastStep = lastStep;
        _db = db;
        Review = review;
        Actor = actor;
        NowUtc = nowUtc;
        Today = London.DateOf(nowUtc);
        Calendar = calendar;
        Deadlines = deadlines;
        _clocks = clocks;
        _openItems = openItems;
        _pendingTimers = pendingTimers ?? [];
        _pendingTimersLoaded = pendingTimers is not null;
    }

    public Review Review { get; }

    public Actor Actor { get; }

    public DateTime NowUtc { get; private set; }

    public DateOnly Today { get; private set; }

    public BusinessCalendar Calendar { get; }

    public DeadlineSettings Deadlines { get; }

    public IReadOnlyList<string> Notes => _notes;

    /// Every clock of the command: the open ones loaded and those it started (with their status now).
    public IReadOnlyList<ReviewClock> Clocks => _clocks;

    /// Every task of the command: the open ones loaded and those it opened (with their status now).
    public IReadOnlyList<WorkItem> Items => _openItems;

    /// The pending timers loaded and those the command added (with their status now).
    public IReadOnlyList<WorkflowTimer> Timers => _pendingTimers;

    public IReadOnlyList<AuthorAppointment> Appointments => _appointments;

    public IReadOnlyList<JournalEntry> JournalEntries => _journal;

    /// The latest step of the review's process (its start or a transition) by the date it happened: a new step may
    /// not be dated before it. Null before the process starts.
    public PreviousStep? LastStep { get; private set; }

    /// A case held in memory, attached to no context: what a process's steps do can be run and read without a
    /// database (the fast tests of the definitions).
    /// For a closed review, `closedBy` is its last close with the clocks and tasks that close cancelled.
    public static CaseChanges InMemory(Review review, Actor actor, DateTime nowUtc, BusinessCalendar calendar, DeadlineSettings deadlines,
        IEnumerable<ReviewClock>? clocks = null, IEnumerable<WorkItem>? openItems = null, IEnumerable<WorkflowTimer>? pendingTimers = null,
        (ClosingStep Close, IReadOnlyList<ReviewClock> Clocks, IReadOnlyList<WorkItem> Items)? closedBy = null) =>
        new(null, review, actor, nowUtc, calendar, deadlines, clocks?.ToList() ?? [], openItems?.ToList() ?? [], pendingTimers?.ToList() ?? [])
        {
            _closed = closedBy is { } c ? new ClosedWork(c.Close, c.Clocks, c.Items) : null,
        };

    /// A closed review's last close and what it ended of the process: the clocks it cancelled (the latest of each kind,
    /// tracked) and the process tasks it cancelled (read only), which reopening gives back.
    private sealed record ClosedWork(ClosingStep Close, IReadOnlyList<ReviewClock> Clocks, IReadOnlyList<WorkItem> Items);

    /// Loads (tracked) the review's open clocks, open tasks and pending timers, and the business calendar; for a closed
    /// review (its last close given), what the close ended.
    public static async Task<CaseChanges> LoadAsync(IReviewDb db, Review review, Actor actor, DateTime nowUtc, DeadlineSettings deadlines,
        CancellationToken ct, ClosingStep? lastClose = null)
    {
        var clocks = await db.ReviewClocks.Where(c => c.ReviewId == review.Id && (c.Status == ClockStatus.Running || c.Status == ClockStatus.Paused)).ToListAsync(ct);
        var items = await db.WorkItems.Where(w => w.ReviewId == review.Id && w.Status == WorkItemStatus.Open).ToListAsync(ct);
        var timers = await db.Timers.Where(t => t.ReviewId == review.Id && t.Status == TimerStatus.Pending).ToListAsync(ct);
        var calendar = await LoadCalendarAsync(db, ct);
        var last = await db.JournalEntries.AsNoTracking()
            .Where(j => j.ReviewId == review.Id && (j.Kind == JournalKind.Started || j.Kind == JournalKind.Transition) && j.UndoneById == null)
            .OrderByDescending(j => j.OccurredOn).ThenByDescending(j => j.Id)
            .Select(j => new PreviousStep(j.OccurredOn, j.Trigger)).FirstOrDefaultAsync(ct);
        return new CaseChanges(db, review, actor, nowUtc, calendar, deadlines, clocks, items, timers, last)
        {
            _closed = lastClose is null ? null : await ClosedWorkAsync(db, review.Id, lastClose, ct),
        };
    }

    private static async Task<ClosedWork> ClosedWorkAsync(IReviewDb db, int reviewId, ClosingStep close, CancellationToken ct)
    {
        // A clock replaced or completed has a later row or another status: the latest of a kind, cancelled, ran until the close.
        var clocks = (await db.ReviewClocks.Where(c => c.ReviewId == reviewId).ToListAsync(ct))
            .GroupBy(c => c.Kind).Select(g => g.MaxBy(c => c.Id)!).Where(c => c.Status == ClockStatus.Cancelled).ToList();
        // The close cancelled its tasks at the instant it was recorded. A hold's task ends with a stop and is not given
        // back (the review returns to the stage held from), nor an agency's request task (the request stays withdrawn).
        var items = await db.WorkItems.AsNoTracking()
            .Where(w => w.ReviewId == reviewId && w.Status == WorkItemStatus.Cancelled && w.CompletedAtUtc == close.RecordedAtUtc && w.IsProcessStep
                        && w.Kind != WorkItemKind.ReviewHold && w.Kind != WorkItemKind.InformationRequest)
            .OrderBy(w => w.Id).ToListAsync(ct);
        return new ClosedWork(close, clocks, items);
    }

    /// Reopening a closed review gives back what its close ended of the process: each clock it cancelled runs again
    /// with the days it stood still added to its due date (from the close, or from the hold's start for a clock a hold
    /// had paused before a stop), as after a hold; each process task it cancelled opens again, due with its clock.
    public void RestoreAfterClose(DateOnly reopenedOn)
    {
        var closed = _closed ?? throw new InvalidOperationException("The review's close was not loaded: load the command with its last close.");
        foreach (var clock in closed.Clocks)
        {
            var from = clock.PausesOnHold && closed.Close.HeldSince is { } heldSince ? heldSince : closed.Close.ClosedOn;
            var before = clock.DueDate;
            var stoodStill = reopenedOn.DayNumber - from.DayNumber;
            clock.Reopen(stoodStill, Today);
            _clocks.Add(clock);
            AddTimer(TimerKind.ClockDue, clock.DueDate, clock, null);
            Note($"{ReviewClock.Describe(clock.Kind)} runs again: moved from {UkDate.Format(before)} to {UkDate.Format(clock.DueDate)} "
                 + $"({stoodStill} {(stoodStill == 1 ? "day" : "days")} {(from == closed.Close.ClosedOn ? "closed" : "on hold and closed")}).");
        }

        foreach (var item in closed.Items)
        {
            // By reference in memory, by id once saved (the tasks are read without their clocks).
            var clock = item.Clock is { IsOpen: true } linked ? linked : item.ClockId is { } id ? OpenClock(id) : null;
            OpenItem(item.Kind, item.Title, clock?.DueDate ?? item.DueDate, clock, item.FollowUpDate);
        }

        _closed = null;
    }

    /// For a correction of the latest step's date: loads (tracked) the clocks completed and the appointments made on
    /// the step's date, and which clocks the step scheduled (a timer made at the instant it was recorded, fired since
    /// or not). The command loaded only the open clocks; in memory everything is there already.
    public async Task LoadForCorrectionAsync(DateOnly on, DateTime recordedAtUtc, CancellationToken ct)
    {
        if (_db is null)
        {
            return;
        }

        _clocks.AddRange(await _db.ReviewClocks.Where(c => c.ReviewId == Review.Id && c.Status == ClockStatus.Completed && c.CompletedOn == on).ToListAsync(ct));
        _appointments.AddRange(await _db.AuthorAppointments.Where(a => a.ReviewId == Review.Id && a.AppointedOn == on).ToListAsync(ct));
        _scheduledByStep.UnionWith(await _db.Timers.Where(t => t.ReviewId == Review.Id && t.CreatedAtUtc == recordedAtUtc && t.ClockId != null)
            .Select(t => t.ClockId!.Value).ToListAsync(ct));
    }

    /// For undoing the latest step, recorded at `recordedAtUtc`: loads (tracked) the clocks as they were before it (any
    /// status now) and the tasks it closed. The command loaded the open clocks, tasks and pending timers; in memory
    /// everything is there already.
    public async Task LoadForUndoAsync(StepState before, DateTime recordedAtUtc, CancellationToken ct)
    {
        if (_db is null)
        {
            return;
        }

        var ids = before.Clocks.Select(c => c.Id).Where(id => _clocks.All(c => c.Id != id)).ToList();
        _clocks.AddRange(await _db.ReviewClocks.Where(c => c.ReviewId == Review.Id && ids.Contains(c.Id)).ToListAsync(ct));
        _openItems.AddRange(await _db.WorkItems.Where(w => w.ReviewId == Review.Id && w.Status != WorkItemStatus.Open && w.CompletedAtUtc == recordedAtUtc)
            .ToListAsync(ct));
    }

    /// Undoes the latest step, recorded at `recordedAtUtc`: the review's fields and stage as they were before it; the
    /// clocks it started cancelled, those it completed, paused, resumed or moved as they were (a new timer for each that
    /// runs); the tasks it opened cancelled, those it closed open again with their own due dates (or their clock's); the
    /// timers it made cancelled.
    public void UndoStep(StepState before, DateTime recordedAtUtc)
    {
        before.RestoreTo(Review);
        foreach (var timer in _pendingTimers.Where(t => t.Status == TimerStatus.Pending && t.CreatedAtUtc == recordedAtUtc))
        {
            timer.Status = TimerStatus.Cancelled;
        }

        foreach (var started in _clocks.Where(c => c.IsOpen && before.Clocks.All(s => s.Id != c.Id)).ToList())
        {
            CloseClock(started, ClockStatus.Cancelled, Today);
            Note($"{ReviewClock.Describe(started.Kind)} ({UkDate.Format(started.DueDate)}) cancelled.");
        }

        foreach (var state in before.Clocks)
        {
            var clock = _clocks.Single(c => c.Id == state.Id);
            var was = (clock.Status, clock.DueDate);
            StepState.RestoreTo(clock, state);
            CancelTimers(t => t.ClockId == clock.Id && clock.Id != 0 || t.Clock == clock);
            if (clock.Status == ClockStatus.Running)
            {
                AddTimer(TimerKind.ClockDue, clock.DueDate, clock, null);
            }

            foreach (var item in _openItems.Where(w => w.IsOpen && w.ClockId == clock.Id && w.DueDate is not null && w.DueDate != clock.DueDate))
            {
                item.DueDate = clock.DueDate;
                item.Version++;
            }

            if (was != (clock.Status, clock.DueDate))
            {
                Note($"{ReviewClock.Describe(clock.Kind)}: {(clock.Status == ClockStatus.Paused ? "paused" : "running")}, due {UkDate.Format(clock.DueDate)}.");
            }
        }

        // Both lists first: a task cancelled here must not count as one the step closed.
        var openedByStep = _openItems.Where(w => w.IsOpen && w.CreatedAtUtc == recordedAtUtc).ToList();
        var closedByStep = _openItems.Where(w => !w.IsOpen && w.CompletedAtUtc == recordedAtUtc).ToList();
        foreach (var opened in openedByStep)
        {
            CloseItem(opened, WorkItemStatus.Cancelled, "Cancelled: the step that opened it was undone");
            Note($"Task cancelled: {opened.Title}.");
        }

        foreach (var closed in closedByStep)
        {
            closed.Reopen();
            var clock = closed.ClockId is { } id ? _clocks.SingleOrDefault(c => c.Id == id) : closed.Clock;
            if (clock is not null && closed.DueDate is not null)
            {
                closed.DueDate = clock.DueDate;
            }
            else if (clock is null && closed.DueDate is DateOnly due)
            {
                AddTimer(TimerKind.WorkItemDue, due, null, closed);
            }

            Note($"Task open again: {closed.Title}" + (closed.DueDate is DateOnly d ? $", due {UkDate.Format(d)}." : "."));
        }
    }

    /// A corrected step date: the clock of this kind the step completed on `from` was met on `to`.
    public void RedateCompletion(ClockKind kind, DateOnly from, DateOnly to)
    {
        if (_clocks.Where(c => c.Kind == kind && c.Status == ClockStatus.Completed && c.CompletedOn == from).MaxBy(c => c.Id) is { } clock)
        {
            clock.CompletedOn = to;
            Note($"{ReviewClock.Describe(kind)} ({UkDate.Format(clock.DueDate)}): met on {UkDate.Format(to)}" + (to > clock.DueDate ? ", late." : "."));
        }
    }

    /// A corrected step date: the open clock of this kind the step started on `from` runs from `to`, due on `due`
    /// (plus any days on hold since), with its timer and its tasks' due dates moved.
    public void RestartFrom(ClockKind kind, DateOnly from, DateOnly to, DateOnly due)
    {
        if (Clock(kind) is { } clock && clock.StartDate == from)
        {
            clock.StartDate = to;
            clock.BaseDueDate = due;
            Reschedule(clock);
        }
    }

    /// A corrected hold start: the clocks it paused from `from` are paused from `to`.
    public void RedatePause(DateOnly from, DateOnly to)
    {
        foreach (var clock in _clocks.Where(c => c.Status == ClockStatus.Paused && c.PausedSince == from))
        {
            clock.PausedSince = to;
            Note($"{ReviewClock.Describe(clock.Kind)} ({UkDate.Format(clock.DueDate)}) paused from {UkDate.Format(to)}.");
        }
    }

    /// A corrected resume: the clocks the step (recorded at recordedAtUtc) resumed stood still `days` more (fewer, if
    /// negative) days, which move their due dates, timers and tasks.
    public void ShiftClocksScheduledBy(DateTime recordedAtUtc, int days)
    {
        foreach (var clock in _clocks.Where(c => c.IsOpen && c.PausesOnHold
                     && (c.Id != 0 && _scheduledByStep.Contains(c.Id) || _pendingTimers.Any(t => t.CreatedAtUtc == recordedAtUtc && t.Clock == c))).ToList())
        {
            clock.PausedDays = Math.Max(0, clock.PausedDays + days);
            Reschedule(clock);
        }
    }

    /// A corrected appointment date: the appointments made on `from` were made on `to`.
    public void RedateAppointments(DateOnly from, DateOnly to)
    {
        foreach (var appointment in _appointments.Where(a => a.AppointedOn == from))
        {
            appointment.AppointedOn = to;
        }
    }

    /// Due date = base + days held; a new timer for a running clock; its open tasks due (or followed up) with it; an
    /// overdue mark cleared if the new date has not passed (a date passed already is marked by the next sweep).
    private void Reschedule(ReviewClock clock)
    {
        var before = clock.DueDate;
        clock.DueDate = clock.BaseDueDate.AddDays(clock.PausedDays);
        if (Today <= clock.DueDate)
        {
            clock.OverdueSinceUtc = null;
        }

        if (clock.Status == ClockStatus.Running)
        {
            CancelTimers(t => t.ClockId == clock.Id && clock.Id != 0 || t.Clock == clock);
            AddTimer(TimerKind.ClockDue, clock.DueDate, clock, null);
        }

        foreach (var item in _openItems.Where(w => w.IsOpen && (w.ClockId == clock.Id && clock.Id != 0 || w.Clock == clock)))
        {
            item.DueDate = item.DueDate is null ? null : clock.DueDate;
            item.FollowUpDate = item.FollowUpDate == before ? clock.DueDate : item.FollowUpDate;
            item.Version++;
        }

        Note($"{ReviewClock.Describe(clock.Kind)} moved from {UkDate.Format(before)} to {UkDate.Format(clock.DueDate)}.");
    }

    /// Loads what a batch of timers fired together needs, and the calendar once: their reviews (tracked), and untracked
    /// the open clocks they point at and the open tasks they point at or that run against those clocks (the engine
    /// marks those set-based). Nothing else of the cases is loaded: a deadline passing marks its clock overdue, raises
    /// its tasks' priority and may open a chase task; it reads no other task or clock and cancels or reschedules no
    /// timer (CancelTimers refuses to run without the pending timers). Returns each review's CaseChanges.
    public static async Task<IReadOnlyDictionary<int, CaseChanges>> LoadForTimersAsync(IReviewDb db, IReadOnlyCollection<WorkflowTimer> timers, Actor actor,
        DateTime nowUtc, DeadlineSettings deadlines, CancellationToken ct)
    {
        var reviewIds = timers.Select(t => t.ReviewId).Distinct().ToList();
        var clockIds = timers.Where(t => t.ClockId is not null).Select(t => t.ClockId!.Value).Distinct().ToList();
        var itemIds = timers.Where(t => t.WorkItemId is not null).Select(t => t.WorkItemId!.Value).Distinct().ToList();
        var reviews = await db.Reviews.Where(r => reviewIds.Contains(r.Id)).ToListAsync(ct);
        var clocks = clockIds.Count == 0 ? [] : await db.ReviewClocks.AsNoTracking()
            .Where(c => clockIds.Contains(c.Id) && (c.Status == ClockStatus.Running || c.Status == ClockStatus.Paused)).ToListAsync(ct);
        var items = await db.WorkItems.AsNoTracking()
            // The review and status come first so that SQLite searches (ReviewId, Status); with only the OR it read
            // every open task of every review through the (Status, ...) index.
            .Where(w => w.ReviewId != null && reviewIds.Contains(w.ReviewId.Value) && w.Status == WorkItemStatus.Open
                        && (itemIds.Contains(w.Id) || (w.ClockId != null && clockIds.Contains(w.ClockId.Value))))
            .ToListAsync(ct);
        var calendar = await LoadCalendarAsync(db, ct);
        var clocksOf = clocks.ToLookup(c => c.ReviewId);
        var itemsOf = items.ToLookup(w => w.ReviewId);
        return reviews.ToDictionary(r => r.Id,
            r => new CaseChanges(db, r, actor, nowUtc, calendar, deadlines, clocksOf[r.Id].ToList(), itemsOf[r.Id].ToList(), pendingTimers: null));
    }

    /// The shipped bank holidays merged with those administrators added.
    public static async Task<BusinessCalendar> LoadCalendarAsync(IReviewDb db, CancellationToken ct) =>
        BusinessCalendar.EnglandAndWales(await db.BankHolidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct));

    public void Note(string text) => _notes.Add(text);

    /// A step a person records: the tasks it opens that they may take are theirs (assigned to them), not left in the
    /// team queue for someone to claim. Not for registering (whoever takes the notification need not run the case),
    /// an import (one person replaying an office's tracker) or a deadline passing (nobody acted).
    public bool TasksGoToActor { get; set; }

    /// The next step happened at another time (an import replays each step on its own date).
    public void MoveTo(DateTime nowUtc)
    {
        NowUtc = nowUtc;
        Today = London.DateOf(nowUtc);
    }

    public ReviewClock? Clock(ClockKind kind) => _clocks.SingleOrDefault(c => c.Kind == kind && c.IsOpen);

    /// One of the review's open clocks by ID (null if it has completed or been cancelled).
    public ReviewClock? OpenClock(long? id) => _clocks.SingleOrDefault(c => c.Id == id && c.IsOpen);

    public IReadOnlyList<WorkItem> OpenItems => _openItems.Where(w => w.IsOpen).ToList();

    /// Starts a clock (replacing an open one of the same kind) with a timer at the start of the day after it is due.
    public ReviewClock StartClock(ClockKind kind, DateOnly start, DateOnly due)
    {
        if (Clock(kind) is { } old)
        {
            CloseClock(old, ClockStatus.Cancelled, Today);
        }

        var clock = ReviewClock.Start(Review.Id, kind, start, due);
        _db?.ReviewClocks.Add(clock);
        _clocks.Add(clock);
        AddTimer(TimerKind.ClockDue, due, clock, null);
        Note($"{ReviewClock.Describe(kind)}: {UkDate.Format(due)}.");
        return clock;
    }

    public void CompleteClock(ClockKind kind, DateOnly on)
    {
        if (Clock(kind) is { } clock)
        {
            CloseClock(clock, ClockStatus.Completed, on);
            Note($"{ReviewClock.Describe(kind)} ({UkDate.Format(clock.DueDate)}): met on {UkDate.Format(on)}" + (on > clock.DueDate ? ", late." : "."));
        }
    }

    /// A hold pauses the decision, appointment and completion clocks and their timers, from the day it began.
    public void PauseClocksForHold(DateOnly from)
    {
        foreach (var clock in _clocks.Where(c => c.PausesOnHold && c.Status == ClockStatus.Running))
        {
            clock.Pause(from);
            CancelTimers(t => t.ClockId == clock.Id && clock.Id != 0 || t.Clock == clock);
            Note($"{ReviewClock.Describe(clock.Kind)} ({UkDate.Format(clock.DueDate)}) paused.");
        }
    }

    /// Resuming (on the day the hold ended, today or earlier) adds the calendar days held to each paused clock and to
    /// the due date of the tasks that work to it.
    public void ResumeClocksAfterHold(DateOnly on)
    {
        foreach (var clock in _clocks.Where(c => c.Status == ClockStatus.Paused))
        {
            var before = clock.DueDate;
            var held = clock.Resume(on, Today);
            AddTimer(TimerKind.ClockDue, clock.DueDate, clock, null);
            // By id once saved, by reference while new (a command may hold and resume before it saves).
            foreach (var item in _openItems.Where(w => w.IsOpen && (w.ClockId == clock.Id && clock.Id != 0 || w.Clock == clock) && w.DueDate is not null))
            {
                item.DueDate = clock.DueDate;
                item.Version++;
            }

            Note($"{ReviewClock.Describe(clock.Kind)} moved from {UkDate.Format(before)} to {UkDate.Format(clock.DueDate)} ({held} {(held == 1 ? "day" : "days")} on hold).");
        }
    }

    /// Opens a task for the review officers of the lead office. A task with a due date of its own (not a clock's)
    /// gets a timer of its own.
    public WorkItem OpenItem(WorkItemKind kind, string title, DateOnly? due = null, ReviewClock? clock = null, DateOnly? followUp = null,
        bool processStep = true)
    {
        var item = new WorkItem
        {
            ReviewId = Review.Id,
            Kind = kind,
            Title = title,
            Stage = processStep ? Review.Stage : null,
            IsProcessStep = processStep,
            CandidateRole = Role.ReviewOfficer,
            OfficeId = Review.LeadOfficeId,
            DueDate = due,
            FollowUpDate = followUp,
            Clock = clock,
            Priority = WorkItemPriority.Normal,
            Status = WorkItemStatus.Open,
            CreatedAtUtc = NowUtc,
        };
        var theirs = TasksGoToActor && item.IsOfferedTo(Actor);
        if (theirs)
        {
            item.AssigneeUserId = Actor.UserId;
            item.AssignedAtUtc = NowUtc;
        }

        _db?.WorkItems.Add(item);
        _openItems.Add(item);
        if (due is DateOnly date && clock is null)
        {
            AddTimer(TimerKind.WorkItemDue, date, null, item);
        }

        Note($"Task opened: {title}" + (due is DateOnly d ? $", due {UkDate.Format(d)}" : string.Empty)
             + (theirs ? "; assigned to the person who recorded this step." : "."));
        return item;
    }

    /// Closes the open process tasks of these kinds as done by this command.
    public void CloseItems(params WorkItemKind[] kinds)
    {
        foreach (var item in _openItems.Where(w => w.IsOpen && kinds.Contains(w.Kind)).ToList())
        {
            CloseItem(item, WorkItemStatus.Completed);
        }
    }

    /// Cancels the open tasks of these kinds (no longer needed), saying why on each.
    public void CancelItems(string outcome, params WorkItemKind[] kinds)
    {
        foreach (var item in _openItems.Where(w => w.IsOpen && kinds.Contains(w.Kind)).ToList())
        {
            CloseItem(item, WorkItemStatus.Cancelled, outcome);
        }
    }

    /// The review is closed: every open task is cancelled and every open clock stopped.
    public void CloseEverything()
    {
        foreach (var item in _openItems.Where(w => w.IsOpen).ToList())
        {
            CloseItem(item, WorkItemStatus.Cancelled);
        }

        foreach (var clock in _clocks.Where(c => c.IsOpen).ToList())
        {
            CloseClock(clock, ClockStatus.Cancelled, Today);
        }
    }

    /// Appoints an independent chair and/or author: the ChairAuthor participant row (case access, CaseScope) and the
    /// appointment with its agreed fee.
    public void Appoint(string userId, AppointmentRole role, long feePence, DateOnly on, long? expressionOfInterestId)
    {
        Review.Participants.Add(new ReviewParticipant { ReviewId = Review.Id, UserId = userId, Kind = ParticipantKind.ChairAuthor, GrantedAtUtc = NowUtc });
        var appointment = new AuthorAppointment
        {
            ReviewId = Review.Id,
            UserId = userId,
            Role = role,
            FeePence = feePence,
            AppointedOn = on,
            ExpressionOfInterestId = expressionOfInterestId,
        };
        _db?.AuthorAppointments.Add(appointment);
        _appointments.Add(appointment);
    }

    /// The journal entry of what the command did since the last one (its notes), which happened on `occurredOn` and is
    /// recorded now.
    public JournalEntry Journal(JournalKind kind, Stage? from, Trigger? trigger, string? comment, DateOnly occurredOn)
    {
        var entry = Entry(Review, Actor, NowUtc, kind, from, trigger, comment, string.Join(" ", _notes), occurredOn);
        _db?.JournalEntries.Add(entry);
        _journal.Add(entry);
        _notes.Clear();
        if (kind is JournalKind.Started or JournalKind.Transition)
        {
            LastStep = new PreviousStep(occurredOn, trigger);
        }

        return entry;
    }

    /// A journal entry for a change made outside the process's steps (the family's consent, a lead office moved): it
    /// moves no clock or task, so the case's clocks and tasks need not be loaded. Added to the caller's context, which
    /// saves it with the change it describes.
    public static JournalEntry Record(IReviewDb db, Review review, Actor actor, DateTime nowUtc, JournalKind kind, string detail, DateOnly occurredOn)
    {
        var entry = Entry(review, actor, nowUtc, kind, review.Stage, null, null, detail, occurredOn);
        db.JournalEntries.Add(entry);
        return entry;
    }

    private static JournalEntry Entry(Review review, Actor actor, DateTime nowUtc, JournalKind kind, Stage? from, Trigger? trigger, string? comment,
        string detail, DateOnly occurredOn) => new()
    {
        ReviewId = review.Id,
        OccurredOn = occurredOn,
        RecordedAtUtc = nowUtc,
        UserId = string.IsNullOrEmpty(actor.UserId) ? null : actor.UserId,
        Kind = kind,
        FromStage = from,
        ToStage = review.Stage,
        Trigger = trigger,
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        Detail = detail.Length == 0 ? null : detail[..Math.Min(detail.Length, JournalEntry.DetailMaxLength)],
        DefinitionId = review.DefinitionId,
        DefinitionVersion = review.DefinitionVersion,
    };

    private void CloseItem(WorkItem item, WorkItemStatus status, string? outcome = null)
    {
        item.Close(status, outcome ?? (status == WorkItemStatus.Completed ? "Done: recorded on the review" : "Cancelled: the review was closed"),
            string.IsNullOrEmpty(Actor.UserId) ? null : Actor.UserId, NowUtc);
        CancelTimers(t => t.WorkItemId == item.Id && item.Id != 0 || t.WorkItem == item);
    }

    private void CloseClock(ReviewClock clock, ClockStatus status, DateOnly on)
    {
        if (status == ClockStatus.Completed)
        {
            clock.Complete(on);
        }
        else
        {
            clock.Cancel();
        }

        CancelTimers(t => t.ClockId == clock.Id && clock.Id != 0 || t.Clock == clock);
    }

    private void AddTimer(TimerKind kind, DateOnly due, ReviewClock? clock, WorkItem? item)
    {
        var timer = new WorkflowTimer
        {
            ReviewId = Review.Id,
            Kind = kind,
            DueAtUtc = London.OverdueFromUtc(due),
            Status = TimerStatus.Pending,
            Clock = clock,
            WorkItem = item,
            CreatedAtUtc = NowUtc,
        };
        _db?.Timers.Add(timer);
        _pendingTimers.Add(timer);
    }

    private void CancelTimers(Func<WorkflowTimer, bool> which)
    {
        if (!_pendingTimersLoaded)
        {
            throw new InvalidOperationException("This command was loaded without the case's pending timers, so it cannot cancel any.");
        }

        foreach (var timer in _pendingTimers.Where(t => t.Status == TimerStatus.Pending && which(t)))
        {
            timer.Status = TimerStatus.Cancelled;
        }
    }
}
