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

    public static string Case(BoardCase c) =>
        $"{c.CaseLabel} ({c.Reference})" + BoardColumns.Suffix(c.Kind) + (string.IsNullOrWhiteSpace(c.LatestUpdate) ? string.Empty : $": {c.LatestUpdate}");

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
