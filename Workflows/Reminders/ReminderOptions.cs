using Domain.Workflow;

namespace Workflows.Reminders;

/// The "Reminders" section of appsettings.json (documented in README.md). Dates are Europe/London business dates.
public sealed class ReminderOptions
{
    /// False: the scan sends nothing (it still cancels reminders that are no longer wanted).
    public bool Enabled { get; set; } = true;

    /// Calendar days before the due date for the first reminder (moved to the next working day if it falls on none).
    public int DaysBefore { get; set; } = 7;

    /// Working days before the due date for the second reminder.
    public int WorkingDaysBefore { get; set; } = 1;

    /// A reminder on the due date itself, when it is a working day.
    public bool OnTheDay { get; set; } = true;

    /// Working days overdue (the first working day after the due date is 1) before the managers are told.
    public int EscalateAfterWorkingDays { get; set; } = 1;

    /// Working days overdue before the lead CSP's accountable lead is told.
    public int SecondEscalationAfterWorkingDays { get; set; } = 10;

    /// Local (Europe/London) time at which the day's reminders go out.
    public TimeOnly SendAt { get; set; } = new(8, 0);

    /// The review clocks that get the ladder when no open task works to them (a task's own ladder covers it then).
    /// Comma-separated ClockKind names (a string, so that configuration replaces the default rather than adding to it).
    public string Clocks { get; set; } = "Decision,Completion";

    public IReadOnlyList<ClockKind> ClockKinds =>
        Clocks.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Enum.Parse<ClockKind>).ToList();
}
