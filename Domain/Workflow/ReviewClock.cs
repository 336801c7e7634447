namespace Domain.Workflow;

public enum ClockKind
{
    /// Notification + 1 month (statutory).
    Decision,
    /// Decision + 5 working days.
    HomeOfficeNotification,
    /// Decision + 1 month: the chair/author appointment target.
    Appointment,
    /// Decision + 6 months (statutory) plus time on hold; met when the CRG signs off.
    Completion,
    /// Submission + 8 weeks: chase the Home Office when QA has not answered.
    QaChase,
}

public enum ClockStatus
{
    Running,
    Paused,
    Completed,
    Cancelled,
}

/// A deadline of a review. The due date is the base due date plus the calendar days spent on hold.
public sealed class ReviewClock
{
    public long Id { get; set; }

    public int ReviewId { get; set; }

    public ClockKind Kind { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly BaseDueDate { get; set; }

    public int PausedDays { get; set; }

    public DateOnly? PausedSince { get; set; }

    /// BaseDueDate + PausedDays, kept as a column so queues can sort and filter on it.
    public DateOnly DueDate { get; set; }

    public ClockStatus Status { get; set; }

    public DateOnly? CompletedOn { get; set; }

    /// Set when its timer fired while it was still running; cleared if a resume moves the due date into the future.
    public DateTime? OverdueSinceUtc { get; set; }

    /// The review's clocks that a hold pauses (DOMAIN.md: decision, appointment, completion).
    public bool PausesOnHold => Kind is ClockKind.Decision or ClockKind.Appointment or ClockKind.Completion;

    public bool IsOpen => Status is ClockStatus.Running or ClockStatus.Paused;

    public static ReviewClock Start(int reviewId, ClockKind kind, DateOnly start, DateOnly due) => new()
    {
        ReviewId = reviewId,
        Kind = kind,
        StartDate = start,
        BaseDueDate = due,
        DueDate = due,
        Status = ClockStatus.Running,
    };

    public void Pause(DateOnly today)
    {
        if (Status != ClockStatus.Running)
        {
            throw new InvalidOperationException($"Only a running clock can pause; this one is {Status}.");
        }

        Status = ClockStatus.Paused;
        PausedSince = today;
    }

    /// Adds the calendar days held (pause day to the day it resumed, which may be before today) to the due date;
    /// returns them. An overdue mark is cleared if the new due date has not passed today.
    public int Resume(DateOnly resumedOn, DateOnly today)
    {
        if (Status != ClockStatus.Paused || PausedSince is not DateOnly since)
        {
            throw new InvalidOperationException($"Only a paused clock can resume; this one is {Status}.");
        }

        var held = Math.Max(0, resumedOn.DayNumber - since.DayNumber);
        PausedDays += held;
        DueDate = BaseDueDate.AddDays(PausedDays);
        PausedSince = null;
        Status = ClockStatus.Running;
        if (today <= DueDate)
        {
            OverdueSinceUtc = null;
        }

        return held;
    }

    public void Complete(DateOnly on)
    {
        Status = ClockStatus.Completed;
        CompletedOn = on;
        PausedSince = null;
    }

    /// A clock its review's close cancelled runs again when the review is reopened, with the days it stood still added
    /// to its due date (as after a hold); returns the new due date.
    public DateOnly Reopen(int stoodStill, DateOnly today)
    {
        if (Status != ClockStatus.Cancelled)
        {
            throw new InvalidOperationException($"Only a cancelled clock can run again; this one is {Status}.");
        }

        PausedDays += Math.Max(0, stoodStill);
        DueDate = BaseDueDate.AddDays(PausedDays);
        Status = ClockStatus.Running;
        if (today <= DueDate)
        {
            OverdueSinceUtc = null;
        }

        return DueDate;
    }

    public void Cancel()
    {
        Status = ClockStatus.Cancelled;
        PausedSince = null;
    }

    /// The step the clock times, as a person names it (emails say what is to be done, not which clock runs).
    public static string StepName(ClockKind kind) => kind switch
    {
        ClockKind.Decision => "The CRG's decision whether to hold a review",
        ClockKind.HomeOfficeNotification => "Notify the Home Office of the decision",
        ClockKind.Appointment => "Appoint an independent chair/author",
        ClockKind.Completion => "Complete the review and have the final report signed off by the CRG",
        ClockKind.QaChase => "Chase the Home Office for the quality assurance outcome",
        _ => kind.ToString(),
    };

    public static string Describe(ClockKind kind) => kind switch
    {
        ClockKind.Decision => "CRG decision due",
        ClockKind.HomeOfficeNotification => "Home Office notification due",
        ClockKind.Appointment => "Chair/author appointment target",
        ClockKind.Completion => "Review completion due",
        ClockKind.QaChase => "Chase the Home Office for the QA outcome",
        _ => kind.ToString(),
    };
}
