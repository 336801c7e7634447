using Domain.Reviews;

namespace Domain.Workflow;

public enum JournalKind
{
    /// The review was registered and its process started.
    Started,
    /// A person fired a trigger.
    Transition,
    /// A timer fell due (a clock or a task became overdue).
    Deadline,
    /// A person recorded a fact a guard reads, without moving the review (e.g. the family withdrew consent).
    Recorded,
    /// An officer ended a chair's or author's appointment (e.g. a resignation): their access ended with it.
    AppointmentEnded,
    /// An administrator moved a CSP of the review to another review office: for its lead CSP, the lead office changed.
    OfficeChanged,
    /// A manager reassigned one of the review's tasks, with a note to the new assignee.
    TaskReassigned,
    /// The lead office corrected the date of the review's latest step (recorded with the wrong date), with the reason:
    /// the step's entry now carries the corrected date and keeps the first one (FirstOccurredOn).
    DateCorrected,
    /// The lead office undid the review's latest step (recorded by mistake), with the reason: the review went back to
    /// where it was before it. The step's entry stays, marked undone (UndoneById points here).
    StepUndone,
}

/// How much of a journal entry's date is known. A step an office's tracker records without its day (only its month, or
/// no date at all although a later step shows it happened) keeps OccurredOn as the day it is known to have happened by,
/// so that the history stays in order and a past date's replay counts it only from then; the timeline shows the month or
/// "date not recorded", and day counts (timeliness) treat it as not recorded.
public enum DatePrecision
{
    Day,
    Month,
    NotRecorded,
}

/// One line of a review's history: what happened and on which day, who recorded it and when, from which stage to
/// which, by which trigger, and why. Written by the engine in the same transaction as the change; never edited, but for
/// two things: a correction of a step's date (JournalKind.DateCorrected) moves OccurredOn and keeps the date first
/// recorded in FirstOccurredOn, so clocks, timeliness and the board's replay all read the corrected date; and undoing a
/// step (JournalKind.StepUndone) marks it undone (UndoneById).
public sealed class JournalEntry
{
    public long Id { get; set; }

    public int ReviewId { get; set; }

    /// The London date it happened (the date the person entered: a step is often recorded days later). Clocks, the
    /// timeline, timeliness and the board's replay run on it.
    public DateOnly OccurredOn { get; set; }

    /// Day: OccurredOn is the day it happened. Month: it happened in OccurredOn's month, by OccurredOn. NotRecorded: it
    /// happened by OccurredOn, on a day nobody recorded (an import).
    public DatePrecision Precision { get; set; }

    /// The day it happened, when that is known (null for a month alone or a date not recorded): what day counts use.
    public DateOnly? KnownDay => Precision == DatePrecision.Day ? OccurredOn : null;

    /// The date first recorded, when the lead office has since corrected OccurredOn (null when never corrected). The
    /// timeline shows it struck through; the DateCorrected entry says who corrected it, when and why.
    public DateOnly? FirstOccurredOn { get; set; }

    /// For a step: the StepUndone entry that undid it (recorded by mistake). An undone step stays in the timeline, struck
    /// through, and counts for nothing else: not for the latest step, the clocks, the board's replay or timeliness.
    public long? UndoneById { get; set; }

    public JournalEntry? UndoneBy { get; set; }

    /// For a step a person recorded: what the review and its open clocks were just before it (a StepState, as JSON),
    /// which undoing it puts back. Null for a step that cannot be undone (imported, recorded with another step in one
    /// command, or recorded before steps could be undone).
    public string? StateBefore { get; set; }

    /// The instant it was recorded (metadata: the timeline shows it beside an entry recorded on a later day).
    public DateTime RecordedAtUtc { get; set; }

    /// Null when the portal itself acted (a timer).
    public string? UserId { get; set; }

    public JournalKind Kind { get; set; }

    public Stage? FromStage { get; set; }

    public Stage ToStage { get; set; }

    public Trigger? Trigger { get; set; }

    /// What the person entered: the reason, rationale or comment.
    public string? Comment { get; set; }

    /// What the engine did as a result, in words: clocks paused or moved, tasks opened, dates recorded.
    public string? Detail { get; set; }

    public required string DefinitionId { get; set; }

    public int DefinitionVersion { get; set; }

    /// Written by an import of an office's tracker: OccurredOn is the date of the step in the tracker.
    public bool IsImported { get; set; }

    public const int CommentMaxLength = 2000;

    public const int DetailMaxLength = 2000;
}
