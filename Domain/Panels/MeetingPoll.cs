namespace Domain.Panels;

/// Counts of one proposed date's answers.
public sealed record OptionTally(long OptionId, DateTime StartsAtUtc, int Available, int IfNeedBe, int NotAvailable, int NoAnswer)
{
    /// Higher is better: everyone available beats some "if need be".
    public int Score => (Available * 2) + IfNeedBe;
}

/// The rules of proposing dates and reading the poll.
public static class MeetingPoll
{
    public const int MaxOptions = 10;

    public static IReadOnlyList<Error> CheckProposedTimes(IReadOnlyList<DateTime> startsAtUtc, DateTime nowUtc, string field = "Options")
    {
        var errors = new List<Error>();
        if (startsAtUtc.Count == 0)
        {
            errors.Add(new Error("Propose at least one date and time for the meeting.", field));
        }
        else if (startsAtUtc.Count > MaxOptions)
        {
            errors.Add(new Error($"Propose at most {MaxOptions} dates; remove some and try again.", field));
        }

        if (startsAtUtc.Any(t => t <= nowUtc))
        {
            errors.Add(new Error("A meeting date already passed: choose dates and times in the future.", field));
        }

        if (startsAtUtc.Distinct().Count() != startsAtUtc.Count)
        {
            errors.Add(new Error("The same date and time is proposed twice: remove the repeat.", field));
        }

        return errors;
    }

    public static Error? CheckStart(DateTime startsAtUtc, DateTime nowUtc, string field = "StartsAt") =>
        startsAtUtc <= nowUtc ? new Error("A meeting date already passed: choose a date and time in the future.", field) : null;

    /// Each option with its counts; members who have not answered count as "no answer".
    public static IReadOnlyList<OptionTally> Tally(IEnumerable<MeetingOption> options, IReadOnlyCollection<string> memberUserIds) =>
        options.OrderBy(o => o.StartsAtUtc).Select(o =>
        {
            var answers = o.Responses.Where(r => memberUserIds.Contains(r.UserId)).ToList();
            return new OptionTally(o.Id, o.StartsAtUtc,
                answers.Count(r => r.Availability == Availability.Available),
                answers.Count(r => r.Availability == Availability.IfNeedBe),
                answers.Count(r => r.Availability == Availability.NotAvailable),
                memberUserIds.Count - answers.Count);
        }).ToList();

    /// The best date so far (most available, then most "if need be", then earliest), or none without options.
    public static OptionTally? Best(IReadOnlyList<OptionTally> tallies) =>
        tallies.OrderByDescending(t => t.Score).ThenBy(t => t.NotAvailable).ThenBy(t => t.StartsAtUtc).FirstOrDefault();
}
