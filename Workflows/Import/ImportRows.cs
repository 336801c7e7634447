using Domain.Reviews;
using Workflows.Process;
using C = Workflows.Import.ImportColumns;

namespace Workflows.Import;

/// One problem of the sheet: the spreadsheet row (the headings are row 1), the column and what to do.
public sealed record ImportProblem(int Row, string Column, string Message);

/// One row as the sheet has it: spreadsheet row number and the cells by template heading.
public sealed record TrackerRow(int Row, IReadOnlyDictionary<string, string> Cells)
{
    public string Get(string column) => Cells.TryGetValue(column, out var v) ? v.Trim() : string.Empty;
}

/// What the import needs to know: the CSPs the importing office serves and the agencies, by normalised name; the case
/// labels already in use; today.
/// ElsewhereInUse: the reviews led elsewhere that the office keeps already (TrackerElsewhere.Key).
public sealed record ImportLookups(IReadOnlyDictionary<string, int> Csps, IReadOnlyDictionary<string, int> Agencies, IReadOnlySet<string> LabelsInUse, DateOnly Today,
    IReadOnlySet<string>? ElsewhereInUse = null);

/// A valid row: the review to create and the history the engine replays.
public sealed record ImportRow(
    int Row, string CaseLabel, int LeadCspId, int NotifyingAgencyId, ReviewType Type, int DeathYear, int DeathMonth, DateOnly Notified, Stage Stage,
    string? LatestUpdate, DateOnly UpdateAsAt, IReadOnlyList<ImportedStep> Steps, DateOnly? FirstPanel = null);

/// Checks the rows of a tracker and turns each valid one into the steps of its history: each cell on its own
/// (TrackerCells), then across columns (TrackerRowRules), then the stage against the dates (ImportStage); the history
/// is ImportHistory's. Every problem of every row is reported (row, column, message) so that the office can fix the
/// sheet in one go.
public static class ImportRows
{
    public const int LatestUpdateMaxLength = CaseUpdate.TextMaxLength;

    /// Checks every row; returns the valid rows (the reviews the office leads, and those led elsewhere) and every
    /// problem. Duplicate labels are checked across the sheet (of a review led elsewhere, with its area).
    public static (IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportElsewhereRow> LedElsewhere, IReadOnlyList<ImportProblem> Problems) Check(
        IReadOnlyList<TrackerRow> rows, ImportLookups lookups)
    {
        var valid = new List<ImportRow>();
        var elsewhere = new List<ImportElsewhereRow>();
        var problems = new List<ImportProblem>();
        var seen = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            var ledElsewhere = TrackerElsewhere.IsLedElsewhere(row);
            var rowProblems = new RowProblems(row.Row);
            var parsed = ledElsewhere ? null : CheckRow(row, lookups, rowProblems);
            var parsedElsewhere = ledElsewhere ? TrackerElsewhere.Read(row, lookups, rowProblems) : null;
            var label = row.Get(C.CaseLabel);
            var key = ledElsewhere ? TrackerElsewhere.Key(row.Get(C.LedBy), label) : CaseLabels.Normalise(label);
            if (CaseLabels.Normalise(label).Length > 0)
            {
                if (seen.TryGetValue(key, out var first))
                {
                    rowProblems.Add(C.CaseLabel, $"The case label \"{label}\" is also used on row {first}: each review needs its own label.");
                }
                else
                {
                    seen[key] = row.Row;
                }
            }

            problems.AddRange(rowProblems.List);
            if (!rowProblems.Any && parsed is not null)
            {
                valid.Add(parsed);
            }
            else if (!rowProblems.Any && parsedElsewhere is not null)
            {
                elsewhere.Add(parsedElsewhere);
            }
        }

        return (valid, elsewhere, problems);
    }

    /// A row of a review the office leads.
    public static (ImportRow? Row, List<ImportProblem> Problems) CheckRow(TrackerRow row, ImportLookups lookups)
    {
        var problems = new RowProblems(row.Row);
        return (CheckRow(row, lookups, problems), problems.List);
    }

    private static ImportRow? CheckRow(TrackerRow row, ImportLookups lookups, RowProblems problems)
    {
        var entry = TrackerCells.Read(row, lookups, problems);
        TrackerElsewhere.CheckNotElsewhere(row, problems);
        TrackerRowRules.Check(entry, problems);
        if (problems.Any || ImportStage.Check(entry, lookups.Today, problems) is not Stage target)
        {
            return null;
        }

        var steps = ImportHistory.Steps(entry, target, lookups.Today);
        return new ImportRow(row.Row, entry.CaseLabel, entry.LeadCspId!.Value, entry.NotifyingAgencyId!.Value, entry.Type!.Value, entry.Death!.Value.Year,
            entry.Death.Value.Month, entry.Dates.Notified!.Value, entry.Stage!.Value, entry.LatestUpdate, entry.UpdateAsAt ?? entry.Dates.Latest, steps, entry.Dates.FirstPanel);
    }
}
