using System.Globalization;
using Domain.Reports;

namespace Workflows.Reports;

/// A table as plain text cells: the portal page and the .docx export both render these, so they always agree.
/// Footer: a totals row, or none.
public sealed record TextTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string>? Footer = null);

/// The words of the board report's cells. A cell may hold several cases, one per line.
public static class BoardReportText
{
    public static TextTable InProgress(BoardReport report) => new(
        ["First presented to the CRG", .. BoardColumns.All.Select(BoardColumns.Describe)],
        report.Rows.Select(r => (IReadOnlyList<string>)[r.Label, .. BoardColumns.All.Select(c => string.Join("\n", r.Cells[c].Select(Case)))]).ToList(),
        report.Rows.Count == 0 ? null : ["Total", .. BoardColumns.All.Select(c => Total(report.Rows.SelectMany(r => r.Cells[c]).ToList()))]);

    /// A column's total: full reviews, with alternative reviews and "criteria not met" decisions counted apart.
    public static string Total(IReadOnlyList<BoardCase> cases)
    {
        var counts = new[] { (BoardReviewKind.Full, "full"), (BoardReviewKind.Alternative, "alternative"), (BoardReviewKind.CriteriaNotMet, "criteria not met") }
            .Select(k => (Count: cases.Count(c => c.Kind == k.Item1), Words: k.Item2)).ToList();
        return counts.Skip(1).All(k => k.Count == 0)
            ? counts[0].Count.ToString(CultureInfo.InvariantCulture)
            : string.Join(", ", counts.Where(k => k.Count > 0).Select(k => $"{k.Count.ToString(CultureInfo.InvariantCulture)} {k.Words}"));
    }

    public static TextTable Involvement(BoardReport report) => new(
        ["Reference", "Case label", "Lead CSP", "Stage"],
        report.Involvement.Select(i => (IReadOnlyList<string>)[i.Reference, i.CaseLabel, i.LeadCsp, i.Position]).ToList());

    public static TextTable Timeliness(BoardReport report) => new(
        ["Case", .. Enum.GetValues<TimelinessStep>().Select(Domain.Reports.Timeliness.Describe), "Time on hold"],
        report.Timeliness.Select(t => (IReadOnlyList<string>)[$"{t.CaseLabel} ({t.Reference})",
            .. t.Steps.Select(Step), Days(t.TotalHeldDays)]).ToList());

    /// How the summary counts (the page and the .docx print these beneath its tables).
    public const string SummaryCountsHelp =
        "Counted from the reviews this office or CSP leads that were notified from 13 April 2011 (the duty's start) up to the date, "
        + "each as it stood on that date; reviews led by other areas are involvement, not counted here. Full reviews: the CRG found the "
        + "criteria met, reversed a \"criteria not met\" decision, or the Home Office directed a review. Alternative reviews: a learning "
        + "review agreed instead of a full one. Each full or alternative review is completed (its report sent to the Home Office, even if "
        + "sent back for amendments since), ongoing (not yet sent, including on hold) or stopped with the Home Office's agreement (never "
        + "counted as completed or published). On hold counts every review on hold on the date, decided or not.";

    public const string SummaryYearsHelp =
        "Each step counts in the financial year (April to March) in which it ended; steps still running are not counted. Days exclude "
        + "time on hold; a step is on time when it ended on or before its target day. Steps passed without their date recorded are left "
        + "out of the shares and medians and counted in the last row; steps still open when a review was stopped are left out too. The decision "
        + "step counts every notification, including those that did not meet the criteria. Months run from the month of the death to "
        + "the month the report was first sent to the Home Office. \"No case\": no review ended that step in that year (not 0%).";

    /// The totals since the duty's start, one figure a row; how each is counted is in the page's help text and the README.
    public static TextTable SummaryCounts(BoardReport report)
    {
        var c = report.Summary.Counts;
        return new(["Since 13 Apr 2011", "Reviews"],
        [
            ["Reviews notified", Count(c.Notified)],
            ["Awaiting a decision", Count(c.AwaitingDecision)],
            ["Criteria not met (no review)", Count(c.CriteriaNotMet)],
            ["Full reviews", Count(c.Full)],
            ["Alternative reviews", Count(c.Alternative)],
            ["Completed (sent to the Home Office)", Count(c.Completed)],
            ["Published", Count(c.Published)],
            ["Ongoing", Count(c.Ongoing)],
            ["On hold", Count(c.OnHold)],
            ["Stopped", Count(c.Stopped)],
        ]);
    }

    /// Per financial year (newest first): each step's share on time and median days, and the months from the death to
    /// submission; the footer counts the steps left out because their date was not recorded.
    public static TextTable SummaryYears(BoardReport report)
    {
        var steps = Enum.GetValues<TimelinessStep>();
        var notRecorded = report.Summary.NotRecorded;
        return new(
            ["Financial year", .. steps.Select(Domain.Reports.Timeliness.Describe), "Death to submission to the Home Office"],
            report.Summary.Years.Select(y => (IReadOnlyList<string>)[FinancialYear(y), .. steps.Select(s => Year(y.Steps[s])), Months(y.DeathToSubmission)]).ToList(),
            ["Not recorded (left out)", .. steps.Select(s => Count(notRecorded.Steps[s])), Count(notRecorded.DeathToSubmission)]);
    }

    /// The "Not recorded" row split by financial year (newest first), then "Year not known": empty when every step passed
    /// has its date.
    public static TextTable SummaryNotRecorded(BoardReport report)
    {
        var steps = Enum.GetValues<TimelinessStep>();
        return new(
            ["Financial year", .. steps.Select(Domain.Reports.Timeliness.Describe), "Death to submission to the Home Office"],
            report.Summary.NotRecorded.Years.Select(y => (IReadOnlyList<string>)
                [y.StartYear is int start ? FinancialYear(start) : "Year not known", .. steps.Select(s => Count(y.Steps[s])), Count(y.DeathToSubmission)]).ToList());
    }

    public const string SummaryNotRecordedHelp =
        "A step passed without its date recorded counts in the financial year of the day it is known to have been passed by: its own "
        + "end when only its start is unknown, else the later step that shows it was passed (e.g. the sign-off for an appointment "
        + "without a date). A report sent to the Home Office without the month of the death counts in the year it was first sent; "
        + "one sent on a day not recorded, under \"Year not known\".";

    public const string SummaryNotRecordedEmpty = "Every step passed has its date recorded.";

    /// "2025-26 (Apr 2025 to Mar 2026)".
    public static string FinancialYear(int startYear) =>
        $"{startYear.ToString(CultureInfo.InvariantCulture)}-{(startYear + 1) % 100:00} (Apr {startYear.ToString(CultureInfo.InvariantCulture)} to Mar {(startYear + 1).ToString(CultureInfo.InvariantCulture)})";

    /// "2025-26 (Apr 2025 to Mar 2026)".
    public static string FinancialYear(FinancialYearFigures year) => FinancialYear(year.StartYear);

    /// "3 of 4 on time (75%), median 28 days"; a step without a target: "4 cases, median 31 days"; none ended: "No case".
    public static string Year(StepYear step)
    {
        if (step.Measured == 0)
        {
            return NoCase;
        }

        var median = $"median {Number(step.MedianDays!.Value)} {(step.MedianDays == 1 ? "day" : "days")}";
        return step.OnTime is int onTime
            ? $"{Count(onTime)} of {Count(step.Measured)} on time ({Percent(onTime, step.Measured)}), {median}"
            : $"{Cases(step.Measured)}, {median}";
    }

    /// "2 cases, median 30 months"; none submitted in the year: "No case".
    public static string Months(MonthsYear year) => year.Reviews == 0
        ? NoCase
        : $"{Cases(year.Reviews)}, median {Number(year.MedianMonths!.Value)} {(year.MedianMonths == 1 ? "month" : "months")}";

    public const string NoCase = "No case";

    private static string Cases(int n) => n == 1 ? "1 case" : $"{Count(n)} cases";

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// Whole per cent, halves rounded up (2 of 3: 67%).
    private static string Percent(int part, int whole) =>
        Math.Round(100m * part / whole, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture) + "%";

    public static string Case(BoardCase c) =>
        $"{c.CaseLabel} ({c.Reference})" + BoardColumns.Suffix(c.Kind) + (c.UnderLegalChallenge ? ", under legal challenge" : string.Empty)
        + (string.IsNullOrWhiteSpace(c.LatestUpdate) ? string.Empty : $": {c.LatestUpdate}");

    /// "45 days, on time", "200 days so far, overdue", "30 days, late (+12 on hold)", "Not reached", "Not recorded".
    public static string Step(TimelinessInterval s)
    {
        if (s.NotRecorded)
        {
            return "Not recorded";
        }

        if (s.NotStarted)
        {
            return "Not reached";
        }

        var text = Days(s.DaysExcludingHolds ?? 0) + (s.InProgress ? " so far" : string.Empty);
        text += s.Met switch
        {
            true => ", on time",
            false => s.InProgress ? ", overdue" : ", late",
            null => string.Empty,
        };
        return s.HeldDays > 0 ? $"{text} (+{s.HeldDays} on hold)" : text;
    }

    public static string Days(int days) => days == 1 ? "1 day" : days.ToString(CultureInfo.InvariantCulture) + " days";
}
