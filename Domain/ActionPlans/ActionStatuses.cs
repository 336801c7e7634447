using Domain.Calendar;

namespace Domain.ActionPlans;

/// Status rules of the action plan, with business dates (Europe/London).
public static class ActionStatuses
{
    /// Overdue from the day after the due date (London), while the action is open.
    public static ActionDisplayStatus Current(ActionStatus status, DateOnly due, DateOnly today) => status switch
    {
        ActionStatus.Completed => ActionDisplayStatus.Completed,
        ActionStatus.SignedOff => ActionDisplayStatus.SignedOff,
        _ when DueText.IsOverdue(due, today) => ActionDisplayStatus.Overdue,
        ActionStatus.OnTrack => ActionDisplayStatus.OnTrack,
        ActionStatus.AtRisk => ActionDisplayStatus.AtRisk,
        _ => ActionDisplayStatus.NotStarted,
    };

    public static string Describe(ActionDisplayStatus status) => status switch
    {
        ActionDisplayStatus.NotStarted => "Not started",
        ActionDisplayStatus.OnTrack => "On track",
        ActionDisplayStatus.AtRisk => "At risk",
        ActionDisplayStatus.Overdue => "Overdue",
        ActionDisplayStatus.Completed => "Completed",
        ActionDisplayStatus.SignedOff => "Signed off",
        _ => status.ToString(),
    };

    public static string Describe(ActionStatus status) => Describe(status switch
    {
        ActionStatus.OnTrack => ActionDisplayStatus.OnTrack,
        ActionStatus.AtRisk => ActionDisplayStatus.AtRisk,
        ActionStatus.Completed => ActionDisplayStatus.Completed,
        ActionStatus.SignedOff => ActionDisplayStatus.SignedOff,
        _ => ActionDisplayStatus.NotStarted,
    });

    public static string Describe(ImpactOutcome outcome) => outcome switch
    {
        ImpactOutcome.Confirmed => "Confirmed: still in place and made a difference",
        ImpactOutcome.NotEvidenced => "Not evidenced",
        ImpactOutcome.NotSustained => "Not sustained",
        _ => outcome.ToString(),
    };

    /// The statuses an owner may report in a progress update (sign-off is the officer's).
    public static readonly IReadOnlyList<ActionStatus> OwnerMayReport = [ActionStatus.NotStarted, ActionStatus.OnTrack, ActionStatus.AtRisk, ActionStatus.Completed];

    /// When the owner is asked whether the change lasted: sign-off + months, clamped at month end
    /// (31 Aug + 6 months = 28 or 29 Feb; 29 Feb 2028 + 12 months = 28 Feb 2029).
    public static DateOnly ImpactReviewDue(DateOnly signedOff, int months) => signedOff.AddMonths(months);
}

/// The quarterly update requests: days of the year ("dd-MM") on which each owner with open actions is asked for an update.
public sealed class UpdateRequestDates
{
    private readonly IReadOnlyList<(int Day, int Month)> _dates;

    private UpdateRequestDates(IReadOnlyList<(int Day, int Month)> dates) => _dates = dates;

    public static UpdateRequestDates Default { get; } = Parse("01-03,01-06,01-09,01-12");

    /// "01-03,01-06,01-09,01-12": day-month pairs. Throws on a malformed list (a configuration error).
    public static UpdateRequestDates Parse(string? text)
    {
        var dates = new List<(int, int)>();
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bits = part.Split('-');
            if (bits.Length != 2 || !int.TryParse(bits[0], out var day) || !int.TryParse(bits[1], out var month)
                || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2024, month))
            {
                throw new FormatException($"Actions:UpdateRequestDates: \"{part}\" is not a day and month such as 01-03.");
            }

            dates.Add((day, month));
        }

        if (dates.Count == 0)
        {
            throw new FormatException("Actions:UpdateRequestDates needs at least one day and month, e.g. 01-03,01-06,01-09,01-12.");
        }

        return new UpdateRequestDates(dates.Distinct().ToList());
    }

    /// The request date of the period today falls in: the latest configured date on or before today (last year's
    /// last one in January before the first date). 29-02 falls on 28 Feb in other years.
    public DateOnly CurrentOn(DateOnly today) =>
        new[] { today.Year, today.Year - 1 }.SelectMany(y => _dates.Select(d => On(y, d))).Where(d => d <= today).Max();

    /// The next request date after today.
    public DateOnly NextAfter(DateOnly today) =>
        new[] { today.Year, today.Year + 1 }.SelectMany(y => _dates.Select(d => On(y, d))).Where(d => d > today).Min();

    private static DateOnly On(int year, (int Day, int Month) d) => new(year, d.Month, Math.Min(d.Day, DateTime.DaysInMonth(year, d.Month)));
}
