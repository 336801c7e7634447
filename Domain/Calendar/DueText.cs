namespace Domain.Calendar;

/// How a due date reads next to the date itself in queues and on the review page.
public static class DueText
{
    /// Days from today to the due date: negative once overdue (the day after the due date is 1 day overdue).
    public static int DaysLeft(DateOnly due, DateOnly today) => due.DayNumber - today.DayNumber;

    public static bool IsOverdue(DateOnly due, DateOnly today) => today > due;

    public static string Describe(DateOnly due, DateOnly today) => DaysLeft(due, today) switch
    {
        0 => "due today",
        1 => "due tomorrow",
        -1 => "1 day overdue",
        < 0 and var d => $"{-d} days overdue",
        var d => $"in {d} days",
    };
}
