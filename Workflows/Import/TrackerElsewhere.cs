using Domain;
using Domain.Reviews;
using C = Workflows.Import.ImportColumns;

namespace Workflows.Import;

/// A valid row of a review led elsewhere: the record to keep, and where it stands (its stage and the latest update) as at
/// a date.
public sealed record ImportElsewhereRow(int Row, ElsewhereDetails Details, ElsewhereStage Stage, string? Update, DateOnly AsAt);

/// Reads a row whose "Led by" is filled in: a review led by an area outside the portal that one of the office's CSPs or
/// agencies takes part in. It is checked by the rules of one recorded by hand (LedElsewhereRules), each problem under the
/// template's column; the contact may be left empty, as trackers often keep none. The dates and outcomes of the process
/// are refused: the area that leads the review keeps its history, the office only where it stands.
public static class TrackerElsewhere
{
    /// The columns a review led elsewhere fills in.
    private static readonly HashSet<string> Own =
        [C.CaseLabel, C.LeadCsp, C.Notified, C.Stage, C.LatestUpdate, C.UpdateAsAt, C.LedBy, C.TheirReference, C.TakingPart, C.Contact];

    /// The columns only a review led elsewhere has.
    private static readonly string[] ElsewhereOnly = [C.TheirReference, C.TakingPart, C.Contact];

    /// The template's column for each field of LedElsewhereRules' messages.
    private static readonly Dictionary<string, string> Columns = new()
    {
        [nameof(ElsewhereDetails.Area)] = C.LedBy, [nameof(ElsewhereDetails.LeadCsp)] = C.LeadCsp, [nameof(ElsewhereDetails.TheirReference)] = C.TheirReference,
        [nameof(ElsewhereDetails.CaseLabel)] = C.CaseLabel, [nameof(ElsewhereDetails.CspId)] = C.TakingPart, [nameof(ElsewhereDetails.AgencyId)] = C.TakingPart,
        [nameof(ElsewhereDetails.ContactName)] = C.Contact, [nameof(ElsewhereDetails.KnownSince)] = C.Notified,
        ["AsAt"] = C.UpdateAsAt, ["Stage"] = C.Stage, ["Text"] = C.LatestUpdate,
    };

    public static bool IsLedElsewhere(TrackerRow row) => row.Get(C.LedBy).Length > 0;

    /// The key that finds the same review led elsewhere twice: its area and case label.
    public static string Key(string area, string caseLabel) => CaseLabels.Normalise(area) + "|" + CaseLabels.Normalise(caseLabel);

    /// A row of a review the office leads has nothing in the columns of a review led elsewhere.
    public static void CheckNotElsewhere(TrackerRow row, RowProblems problems)
    {
        foreach (var column in ElsewhereOnly.Where(c => row.Get(c).Length > 0))
        {
            problems.Add(column, $"\"{column}\" is for a review led elsewhere: enter the area that leads it in \"Led by\", or clear this cell.");
        }
    }

    /// A problem of LedElsewhereRules (or of the office that keeps the record) as the import reports it: under its column.
    public static ImportProblem Problem(int row, Error error) =>
        new(row, error.Field is { } f && Columns.TryGetValue(f, out var column) ? column : C.LedBy, error.Message);

    public static ImportElsewhereRow? Read(TrackerRow row, ImportLookups lookups, RowProblems problems)
    {
        foreach (var column in C.All.Where(c => !Own.Contains(c) && row.Get(c).Length > 0))
        {
            problems.Add(column, $"A review led elsewhere (\"Led by\" is filled in) has no \"{column}\": the area that leads it keeps its history. Clear this cell, or clear \"Led by\" if your office leads the review.");
        }

        var label = string.Join(' ', row.Get(C.CaseLabel).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var (cspId, agencyId) = TakingPart(row.Get(C.TakingPart), lookups, problems);
        var knownSince = TrackerCells.ReadDate(row, C.Notified, false, lookups.Today, problems);
        var asAt = TrackerCells.ReadDate(row, C.UpdateAsAt, false, lookups.Today, problems) ?? lookups.Today;
        var stageText = row.Get(C.Stage);
        var stage = TrackerValues.ParseElsewhereStage(stageText);
        if (stageText.Length > 0 && stage is null)
        {
            problems.Add(C.Stage, $"\"{stageText}\" is not a stage of a review led elsewhere: enter one of {string.Join(", ", Enum.GetValues<ElsewhereStage>().Select(LedElsewhereRules.Describe))}.");
        }

        var update = row.Get(C.LatestUpdate) is { Length: > 0 } text ? text : null;
        var details = new ElsewhereDetails(row.Get(C.LedBy), row.Get(C.LeadCsp), Empty(row.Get(C.TheirReference)), label, cspId, agencyId,
            Empty(row.Get(C.Contact)), null, null, knownSince);
        var errors = LedElsewhereRules.CheckDetails(details, lookups.Today, contactRequired: false)
            .Concat(LedElsewhereRules.CheckUpdate(asAt, stage, update, knownSince ?? asAt, lookups.Today, textRequired: false));
        // A cell refused already (not a date, a date in the future, an unknown name) is not reported again as missing.
        var refused = problems.List.Select(p => p.Column).ToHashSet();
        foreach (var problem in errors.Select(e => Problem(row.Row, e)).Where(p => !refused.Contains(p.Column)))
        {
            problems.Add(problem.Column, problem.Message);
        }

        if (label.Length > 0 && lookups.ElsewhereInUse?.Contains(Key(row.Get(C.LedBy), label)) == true)
        {
            problems.Add(C.CaseLabel, $"A review led by {row.Get(C.LedBy)} with the case label \"{label}\" is already recorded: remove this row (add updates on its page).");
        }

        return problems.Any ? null : new ImportElsewhereRow(row.Row, details, stage!.Value, update, asAt);
    }

    /// One CSP of the office's and one agency at most, by the names the portal shows, separated by ";".
    private static (int? Csp, int? Agency) TakingPart(string text, ImportLookups lookups, RowProblems problems)
    {
        (int? csp, int? agency) = (null, null);
        foreach (var name in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var key = CaseLabels.Normalise(name);
            if (lookups.Csps.TryGetValue(key, out var c) && csp is null)
            {
                csp = c;
            }
            else if (lookups.Agencies.TryGetValue(key, out var a) && agency is null)
            {
                agency = a;
            }
            else if (lookups.Csps.ContainsKey(key) || lookups.Agencies.ContainsKey(key))
            {
                problems.Add(C.TakingPart, "Name one CSP of yours, one agency, or one of each, separated by \";\".");
            }
            else
            {
                problems.Add(C.TakingPart, $"\"{name}\" is neither a CSP your office serves nor an agency in the portal: use the names as the portal shows them (see the lists in the template), separated by \";\".");
            }
        }

        return (csp, agency);
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;
}
