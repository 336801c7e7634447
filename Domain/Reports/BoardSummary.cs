using Domain.Reviews;

namespace Domain.Reports;

/// One review as the summary counts it, as at the report's date: where the replay put it, what kind of review it is,
/// its steps as the timeliness table measures them, and the month of the death (null: not recorded).
public sealed record SummaryCase(DateOnly Notified, DateOnly? DeathMonth, BoardPosition Position, BoardReviewKind Kind,
    IReadOnlyList<TimelinessInterval> Steps);

/// The totals since the duty's start. Full and alternative reviews are those going ahead (or that went ahead) on the
/// date; each of them is completed (sent to the Home Office), ongoing or stopped. On hold counts any review of the scope
/// on hold on the date, decided or not.
public sealed record SummaryCounts(int Notified, int AwaitingDecision, int CriteriaNotMet, int Full, int Alternative, int Completed,
    int Published, int Ongoing, int OnHold, int Stopped);

/// One step in one financial year: the steps that ended in it (Measured), how many of those on time (null: the step has
/// no target) and their median days excluding time on hold (null: none ended).
public sealed record StepYear(int Measured, int? OnTime, decimal? MedianDays);

/// Months from the month of the death to the month of the first submission, for the reviews first submitted in the year.
public sealed record MonthsYear(int Reviews, decimal? MedianMonths);

/// A financial year, April to March: StartYear 2025 is 1 April 2025 to 31 March 2026.
public sealed record FinancialYearFigures(int StartYear, IReadOnlyDictionary<TimelinessStep, StepYear> Steps, MonthsYear DeathToSubmission)
{
    public DateOnly From => new(StartYear, 4, 1);

    public DateOnly To => new(StartYear + 1, 3, 31);
}

/// Steps passed without their date recorded (left out of the medians and the shares; a stopped review's open steps are
/// not counted here), and reviews sent to the Home Office
/// without a recorded submission date or month of death (left out of the months). Years: the same split by financial
/// year (newest first, only years with any), then those whose year is not known (StartYear null).
public sealed record NotRecordedFigures(IReadOnlyDictionary<TimelinessStep, int> Steps, int DeathToSubmission)
{
    public IReadOnlyList<NotRecordedYear> Years { get; init; } = [];
}

/// What was not recorded in one financial year (StartYear null: year not known). A step counts in the year of the day it
/// is known to have been passed by (TimelinessInterval.PassedBy); a review sent without its month of death, in the year
/// of its first submission; one sent without a recorded submission day, in no known year.
public sealed record NotRecordedYear(int? StartYear, IReadOnlyDictionary<TimelinessStep, int> Steps, int DeathToSubmission);

public sealed record BoardSummary(SummaryCounts Counts, IReadOnlyList<FinancialYearFigures> Years, NotRecordedFigures NotRecorded);

/// The board's summary figures, counted from each review's replayed position and measured steps (Timeliness.Measure):
/// the rules for when a step starts, stops or is on time live there, not here.
public static class BoardSummaries
{
    /// The duty to hold reviews came into force on 13 April 2011; reviews notified before it are not counted.
    public static readonly DateOnly DutyStart = new(2011, 4, 13);

    public static BoardSummary Compute(IEnumerable<SummaryCase> all, DateOnly asOf)
    {
        var cases = all.Where(c => c.Notified >= DutyStart && c.Notified <= asOf).ToList();
        var reviews = cases.Where(GoesAhead).ToList();
        var counts = new SummaryCounts(
            Notified: cases.Count,
            AwaitingDecision: cases.Count(c => c.Position.Outcome is null && c.Kind != BoardReviewKind.Alternative && !c.Position.Stopped),
            CriteriaNotMet: cases.Count(c => c.Kind == BoardReviewKind.CriteriaNotMet),
            Full: reviews.Count(c => c.Kind == BoardReviewKind.Full),
            Alternative: reviews.Count(c => c.Kind == BoardReviewKind.Alternative),
            Completed: reviews.Count(c => c.Position.SentToHomeOffice && !c.Position.Stopped),
            Published: reviews.Count(c => c.Position.Published && !c.Position.Stopped),
            Ongoing: reviews.Count(c => !c.Position.SentToHomeOffice && !c.Position.Stopped),
            OnHold: cases.Count(c => c.Position.Stage == Stage.OnHold),
            Stopped: cases.Count(c => c.Position.Stopped));

        var ended = cases.SelectMany(c => c.Steps).Where(s => s.End is not null && !s.NotRecorded).ToList();
        var submissions = reviews.Where(c => c.Position.SentOn is not null && c.DeathMonth is not null)
            .Select(c => (On: c.Position.SentOn!.Value, Months: MonthsBetween(c.DeathMonth!.Value, c.Position.SentOn!.Value))).ToList();
        var first = cases.Count == 0 ? FinancialYearOf(asOf) : FinancialYearOf(cases.Min(c => c.Notified));
        var years = Enumerable.Range(first, FinancialYearOf(asOf) - first + 1).Reverse()
            .Select(year => new FinancialYearFigures(year,
                Enum.GetValues<TimelinessStep>().ToDictionary(step => step, step =>
                {
                    var inYear = ended.Where(s => s.Step == step && FinancialYearOf(s.End!.Value) == year).ToList();
                    // Steps without a target (Measure gives them none) have no share on time.
                    int? onTime = inYear.Any(s => s.Target is not null) ? inYear.Count(s => s.Met == true) : null;
                    return new StepYear(inYear.Count, onTime, Median(inYear.Select(s => s.DaysExcludingHolds ?? 0)));
                }),
                new MonthsYear(submissions.Count(s => FinancialYearOf(s.On) == year), Median(submissions.Where(s => FinancialYearOf(s.On) == year).Select(s => s.Months)))))
            .ToList();
        // A stopped review's steps still open when it stopped were never passed: left out, not "not recorded".
        var missingSteps = cases.Where(c => !c.Position.Stopped).SelectMany(c => c.Steps).Where(s => s.NotRecorded)
            .Select(s => (s.Step, Year: s.PassedBy is DateOnly by ? FinancialYearOf(by) : (int?)null)).ToList();
        var missingMonths = reviews.Where(c => c.Position.SentToHomeOffice && (c.Position.SentOn is null || c.DeathMonth is null))
            .Select(c => c.Position.SentOn is DateOnly sent ? FinancialYearOf(sent) : (int?)null).ToList();
        var notRecorded = new NotRecordedFigures(StepCounts(missingSteps.Select(m => m.Step)), missingMonths.Count)
        {
            Years = missingSteps.Select(m => m.Year).Concat(missingMonths).Distinct().OrderBy(y => y is null ? 1 : 0).ThenByDescending(y => y)
                .Select(year => new NotRecordedYear(year, StepCounts(missingSteps.Where(m => m.Year == year).Select(m => m.Step)), missingMonths.Count(y => y == year)))
                .ToList(),
        };
        return new BoardSummary(counts, years, notRecorded);
    }

    private static Dictionary<TimelinessStep, int> StepCounts(IEnumerable<TimelinessStep> steps)
    {
        var list = steps.ToList();
        return Enum.GetValues<TimelinessStep>().ToDictionary(step => step, step => list.Count(s => s == step));
    }

    /// A review going ahead on the date: decided as a full review (the CRG, a reversal or a Home Office direction) or an
    /// alternative (learning) review; a stopped review counts as the review it was.
    public static bool GoesAhead(SummaryCase c) =>
        c.Kind == BoardReviewKind.Alternative || (c.Kind == BoardReviewKind.Full && c.Position.Outcome == CrgOutcome.CriteriaMet);

    /// The year a financial year starts in: 31 March 2026 is in 2025 (2025-26), 1 April 2026 in 2026.
    public static int FinancialYearOf(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    /// Whole calendar months from the month of the death to the month of the date (the death is known to the month only).
    public static int MonthsBetween(DateOnly deathMonth, DateOnly date) => ((date.Year - deathMonth.Year) * 12) + date.Month - deathMonth.Month;

    /// The middle value, or the mean of the two middle values (null: no value).
    public static decimal? Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2m;
    }
}
