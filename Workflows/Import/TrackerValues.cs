using System.Globalization;
using System.Text.RegularExpressions;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;

namespace Workflows.Import;

/// Reads the values trackers hold, as offices write them: dates, months, stage and hold reason names, type and
/// outcomes. Null means the text is not such a value; an empty cell is for the caller to judge.
public static partial class TrackerValues
{
    private static readonly string[] MonthFormats = ["M/yyyy", "MM/yyyy", "MMM yyyy", "MMMM yyyy", "yyyy-MM", "MMM-yyyy"];

    /// A date as date fields read it (UkDate.TryParse: figures day first, the month in words, ISO, two-digit years),
    /// plus what spreadsheets put in a cell: its serial number, or the date with a time of midnight.
    public static DateOnly? ParseDate(string text)
    {
        var t = text.Trim();
        if (UkDate.TryParse(t, out var date))
        {
            return date;
        }

        // A spreadsheet date cell that arrived as its serial number (days since 30 Dec 1899).
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 3000 and < 100000)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }

        // A date cell written with its time of midnight ("03/03/2025 00:00:00", "2025-03-03T00:00:00").
        return Midnight().Match(t) is { Success: true } m && UkDate.TryParse(m.Groups["date"].Value, out date) ? date : null;
    }

    /// A month alone, as trackers write one ("03/2025", "3/2025", "Mar 2025", "March 2025", "2025-03"): its first day.
    /// Null for anything else, a full date included, and a month out of range ("13/2025").
    public static DateOnly? ParseMonthAlone(string text) =>
        DateOnly.TryParseExact(text.Trim(), MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;

    /// A month, alone or as the month of a full date.
    public static (int Year, int Month)? ParseMonth(string text) =>
        (ParseMonthAlone(text) ?? ParseDate(text)) is DateOnly date ? (date.Year, date.Month) : null;

    public static Stage? ParseStage(string text) => ParseNamed<Stage>(text, StageNames.Describe, StageNames.FormerName);

    public static HoldReason? ParseHoldReason(string text) => ParseNamed<HoldReason>(text.Replace('’', '\''), StageNames.Describe);

    public static DecisionReversalReason? ParseReversal(string text) => ParseNamed<DecisionReversalReason>(text, StageNames.Describe);

    /// Where a review led elsewhere stands, by the name the portal shows ("Draft report").
    public static ElsewhereStage? ParseElsewhereStage(string text) => ParseNamed<ElsewhereStage>(text, LedElsewhereRules.Describe);

    /// A value by the name the portal shows (any case and spacing), a name it showed before, or its name in code.
    private static T? ParseNamed<T>(string text, Func<T, string> describe, Func<T, string?>? former = null) where T : struct, Enum
    {
        var key = CaseLabels.Normalise(text);
        return key.Length == 0 ? null : Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v =>
            CaseLabels.Normalise(describe(v!.Value)) == key || (former?.Invoke(v.Value) is string old && CaseLabels.Normalise(old) == key)
            || v.Value.ToString().Equals(key.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
    }

    public static ReviewType? ParseType(string text) => text.ToUpperInvariant() switch
    {
        "DARDR" => ReviewType.Dardr,
        "DHR" => ReviewType.Dhr,
        _ => null,
    };

    /// The CRG outcomes the import takes (empty: criteria met).
    public static TrackerOutcome? ParseOutcome(string text) => CaseLabels.Normalise(text) switch
    {
        "" or "criteria met" => TrackerOutcome.CriteriaMet,
        "alternative review" or "learning review" => TrackerOutcome.AlternativeReview,
        "criteria not met" or "not met" => TrackerOutcome.CriteriaNotMet,
        _ => null,
    };

    /// The QA outcomes the import takes, as the trigger that records them (empty: approved).
    public static Trigger? ParseQaOutcome(string text) => text.ToLowerInvariant() switch
    {
        "" or "approved" => Trigger.RecordQaApproved,
        "approved subject to amendments" => Trigger.RecordQaApprovedSubjectToAmendments,
        _ => null,
    };

    [GeneratedRegex(@"^(?<date>.+?)[ T]0?0:00(?::00)?$")]
    private static partial Regex Midnight();
}
