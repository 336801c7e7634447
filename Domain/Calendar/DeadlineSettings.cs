namespace Domain.Calendar;

/// The "Deadlines" section of appsettings.json: durations of the review's clocks (DOMAIN.md, the review pipeline).
/// Statutory: the decision within one month of notification, completion within six months of the decision.
public sealed record DeadlineSettings
{
    public int DecisionMonths { get; init; } = 1;

    public int HomeOfficeNotificationWorkingDays { get; init; } = 5;

    public int AppointmentMonths { get; init; } = 1;

    public int CompletionMonths { get; init; } = 6;

    public int QaChaseWeeks { get; init; } = 8;

    public int InformationRequestWeeks { get; init; } = 6;

    public DateOnly DecisionDue(DateOnly notified) => BusinessCalendar.AddMonths(notified, DecisionMonths);

    public DateOnly HomeOfficeNotificationDue(DateOnly decided, BusinessCalendar calendar) =>
        calendar.AddWorkingDays(decided, HomeOfficeNotificationWorkingDays);

    public DateOnly AppointmentDue(DateOnly decided) => BusinessCalendar.AddMonths(decided, AppointmentMonths);

    public DateOnly CompletionDue(DateOnly decided) => BusinessCalendar.AddMonths(decided, CompletionMonths);

    public DateOnly QaChase(DateOnly submitted) => BusinessCalendar.AddWeeks(submitted, QaChaseWeeks);

    public DateOnly InformationRequestDue(DateOnly sent) => BusinessCalendar.AddWeeks(sent, InformationRequestWeeks);
}
