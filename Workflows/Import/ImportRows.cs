using System.Globalization;
using Domain.Reviews;
using Domain.Workflow;
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
public sealed record ImportLookups(IReadOnlyDictionary<string, int> Csps, IReadOnlyDictionary<string, int> Agencies, IReadOnlySet<string> LabelsInUse, DateOnly Today);

/// A valid row: the review to create and the history the engine replays.
public sealed record ImportRow(
    int Row, string CaseLabel, int LeadCspId, int NotifyingAgencyId, ReviewType Type, int DeathYear, int DeathMonth, DateOnly Notified, Stage Stage,
    string? LatestUpdate, IReadOnlyList<ImportedStep> Steps);

/// Checks the rows of a tracker and turns each valid one into the steps of its history. Every problem of every row is
/// reported (row, column, message) so that the office can fix the sheet in one go.
public static class ImportRows
{
    public const string ImportComment = "Imported from the office's tracker.";

    public const int LatestUpdateMaxLength = CaseUpdate.TextMaxLength;

    private static readonly string[] DateFormats = ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd", "d MMM yyyy", "d MMMM yyyy", "d-MMM-yyyy", "d.M.yyyy"];

    private static readonly string[] MonthFormats = ["M/yyyy", "MM/yyyy", "MMM yyyy", "MMMM yyyy", "yyyy-MM", "MMM-yyyy"];

    public static IReadOnlyList<ImportProblem> CheckHeadings(IReadOnlyList<string> headings)
    {
        var problems = new List<ImportProblem>();
        foreach (var heading in headings.Where(h => h.Trim().Length > 0 && C.Match(h) is null))
        {
            problems.Add(new ImportProblem(1, heading.Trim(), $"\"{heading.Trim()}\" is not a column of the template: remove it (the import takes no names or other details)."));
        }

        foreach (var missing in C.Required.Where(r => !headings.Any(h => C.Match(h) == r)))
        {
            problems.Add(new ImportProblem(1, missing, $"The column \"{missing}\" is missing: add it with this heading (see the template)."));
        }

        foreach (var twice in headings.Select(C.Match).Where(m => m is not null).GroupBy(m => m).Where(g => g.Count() > 1))
        {
            problems.Add(new ImportProblem(1, twice.Key!, $"The column \"{twice.Key}\" appears more than once: keep one."));
        }

        return problems;
    }

    /// Checks every row; returns the valid rows and every problem. Duplicate labels are checked across the sheet.
    public static (IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportProblem> Problems) Check(IReadOnlyList<TrackerRow> rows, ImportLookups lookups)
    {
        var valid = new List<ImportRow>();
        var problems = new List<ImportProblem>();
        var seen = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            var (parsed, rowProblems) = CheckRow(row, lookups);
            var key = CaseLabels.Normalise(row.Get(C.CaseLabel));
            if (key.Length > 0)
            {
                if (seen.TryGetValue(key, out var first))
                {
                    rowProblems.Add(new ImportProblem(row.Row, C.CaseLabel, $"The case label \"{row.Get(C.CaseLabel)}\" is also used on row {first}: each review needs its own label."));
                }
                else
                {
                    seen[key] = row.Row;
                }
            }

            problems.AddRange(rowProblems);
            if (rowProblems.Count == 0 && parsed is not null)
            {
                valid.Add(parsed);
            }
        }

        return (valid, problems);
    }

    public static (ImportRow? Row, List<ImportProblem> Problems) CheckRow(TrackerRow row, ImportLookups lookups)
    {
        var problems = new List<ImportProblem>();
        void Problem(string column, string message) => problems.Add(new ImportProblem(row.Row, column, message));

        var label = string.Join(' ', row.Get(C.CaseLabel).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (label.Length == 0)
        {
            Problem(C.CaseLabel, "Enter the case label, e.g. \"Case Q 2025\" (never a name).");
        }
        else if (label.Length > Notification.CaseLabelMaxLength)
        {
            Problem(C.CaseLabel, $"The case label must be {Notification.CaseLabelMaxLength} characters or fewer.");
        }
        else if (lookups.LabelsInUse.Contains(CaseLabels.Normalise(label)))
        {
            Problem(C.CaseLabel, $"The case label \"{label}\" is already used by a review in the portal: choose another.");
        }

        var csp = Lookup(row.Get(C.LeadCsp), lookups.Csps, C.LeadCsp, "Enter the lead CSP.",
            v => $"\"{v}\" is not a CSP your office serves: use its name as the portal shows it (see the list in the template).", Problem);
        var agency = Lookup(row.Get(C.NotifyingAgency), lookups.Agencies, C.NotifyingAgency, "Enter the agency that notified the death.",
            v => $"\"{v}\" is not an agency in the portal: use its name as the portal shows it, or ask an administrator to add it.", Problem);

        ReviewType? type = row.Get(C.Type).ToUpperInvariant() switch
        {
            "DARDR" => ReviewType.Dardr,
            "DHR" => ReviewType.Dhr,
            "" => null,
            _ => null,
        };
        if (type is null)
        {
            Problem(C.Type, row.Get(C.Type).Length == 0 ? "Enter the type: DARDR or DHR." : $"\"{row.Get(C.Type)}\" is not a type: enter DARDR or DHR.");
        }

        var death = ParseMonth(row.Get(C.DeathMonth));
        if (death is null)
        {
            Problem(C.DeathMonth, row.Get(C.DeathMonth).Length == 0
                ? "Enter the month and year of death, e.g. 03/2025."
                : $"\"{row.Get(C.DeathMonth)}\" is not a month: enter it as mm/yyyy, e.g. 03/2025.");
        }

        DateOnly? Date(string column, bool required = false)
        {
            var text = row.Get(column);
            if (text.Length == 0)
            {
                if (required)
                {
                    Problem(column, $"Enter the date ({column.ToLowerInvariant()}) as dd/mm/yyyy.");
                }

                return null;
            }

            var date = ParseDate(text);
            if (date is null)
            {
                Problem(column, $"\"{text}\" is not a date: enter it as dd/mm/yyyy, e.g. 02/11/2025.");
            }
            else if (date > lookups.Today && column != C.HoldReviewDate)
            {
                Problem(column, $"{Formats(date.Value)} is in the future: the tracker records what has happened.");
                return null;
            }

            return date;
        }

        var notified = Date(C.Notified, required: true);
        var presented = Date(C.Presented);
        var decision = Date(C.Decision);
        var homeOffice = Date(C.HomeOfficeNotified);
        var appointed = Date(C.AuthorAppointed);
        var signedOff = Date(C.SignedOff);
        var submitted = Date(C.Submitted);
        var qa = Date(C.QaDate);
        var published = Date(C.Published);
        var closed = Date(C.Closed);
        var heldSince = Date(C.HeldSince);
        var holdReview = Date(C.HoldReviewDate);

        if (notified is DateOnly n && death is { } d && (n.Year < d.Year || (n.Year == d.Year && n.Month < d.Month)))
        {
            Problem(C.Notified, "The date notified is before the month of death: check both.");
        }

        // Each date needs the one before it, and none may be earlier than it.
        (string Column, DateOnly? Date)[] chain =
        [
            (C.Notified, notified), (C.Presented, presented), (C.Decision, decision), (C.HomeOfficeNotified, homeOffice), (C.AuthorAppointed, appointed),
            (C.SignedOff, signedOff), (C.Submitted, submitted), (C.QaDate, qa), (C.Published, published), (C.Closed, closed),
        ];
        (string Column, DateOnly Date)? previous = null;
        for (var i = 0; i < chain.Length; i++)
        {
            var (column, date) = chain[i];
            if (date is not DateOnly value)
            {
                continue;
            }

            if (previous is { } p && value < p.Date)
            {
                Problem(column, $"{column} ({Formats(value)}) is before {p.Column.ToLowerInvariant()} ({Formats(p.Date)}): the dates are out of order.");
            }

            // The Home Office notification date may be missing: the decision date then stands in for it.
            var before = i > 1 && chain[i - 1].Column == C.HomeOfficeNotified ? chain[i - 2] : chain[i - 1 < 0 ? 0 : i - 1];
            if (i > 1 && before.Date is null)
            {
                Problem(column, $"{column} is filled in but {before.Column.ToLowerInvariant()} is not: enter that date too.");
            }

            previous = (column, value);
        }

        var outcome = row.Get(C.Outcome).ToLowerInvariant() switch
        {
            "" or "criteria met" => (bool?)false,
            "alternative review" => true,
            _ => null,
        };
        if (outcome is null)
        {
            Problem(C.Outcome, $"\"{row.Get(C.Outcome)}\" is not an outcome the import takes: enter \"Criteria met\" or \"Alternative review\" (or leave it empty for criteria met).");
        }

        var qaOutcome = row.Get(C.QaOutcome).ToLowerInvariant() switch
        {
            "" or "approved" => (Trigger?)Trigger.RecordQaApproved,
            "approved subject to amendments" => Trigger.RecordQaApprovedSubjectToAmendments,
            _ => null,
        };
        if (qaOutcome is null)
        {
            Problem(C.QaOutcome, $"\"{row.Get(C.QaOutcome)}\" is not a QA outcome the import takes: enter \"Approved\" or \"Approved subject to amendments\".");
        }

        var link = row.Get(C.PublicationLink);
        if (published is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                && link.Length <= TriggerArgs.LinkMaxLength))
        {
            Problem(C.PublicationLink, link.Length == 0
                ? "Enter the web address of the published report (the review has a publication date)."
                : $"\"{link}\" is not a web address: it should start https://.");
        }

        var stage = ParseStage(row.Get(C.Stage));
        if (stage is null)
        {
            Problem(C.Stage, row.Get(C.Stage).Length == 0
                ? "Enter the current stage, as the portal names it (see the template)."
                : $"\"{row.Get(C.Stage)}\" is not a stage: use one of the names listed in the template.");
        }

        var holdReason = ParseHoldReason(row.Get(C.HoldReason));
        if (row.Get(C.HoldReason).Length > 0 && holdReason is null)
        {
            Problem(C.HoldReason, $"\"{row.Get(C.HoldReason)}\" is not a hold reason: enter criminal trial, inquest, coroner's request, police investigation, family request or other.");
        }

        if (stage == Stage.OnHold && row.Get(C.HoldReason).Length == 0)
        {
            Problem(C.HoldReason, "The review is on hold: enter the reason for the hold.");
        }
        else if (stage is not null && stage != Stage.OnHold && (row.Get(C.HoldReason).Length > 0 || heldSince is not null || holdReview is not null))
        {
            Problem(C.HoldReason, "A hold is filled in but the current stage is not \"On hold\": clear the hold columns or change the stage.");
        }

        var update = row.Get(C.LatestUpdate);
        if (update.Length > LatestUpdateMaxLength)
        {
            Problem(C.LatestUpdate, $"The latest update must be {LatestUpdateMaxLength} characters or fewer.");
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        // The stage the dates reach, and whether the sheet's stage agrees with it.
        var reached = closed is not null ? Stage.Closed
            : published is not null ? Stage.ActionPlanMonitoring
            : qa is not null ? (qaOutcome == Trigger.RecordQaApproved ? Stage.Publication : Stage.QaAmendments)
            : submitted is not null ? Stage.Submitted
            : signedOff is not null ? Stage.CrgSignOff
            : appointed is not null ? Stage.PanelAndReport
            : decision is not null ? Stage.DecisionNotified
            : presented is not null ? Stage.AwaitingCrgDecision
            : Stage.NotificationReceived;
        var target = stage == Stage.OnHold ? (Stage?)null : stage!.Value;
        var allowed = new HashSet<Stage> { reached };
        if (reached == Stage.DecisionNotified)
        {
            allowed.Add(Stage.Commissioning);
        }

        if (reached == Stage.PanelAndReport)
        {
            allowed.Add(Stage.CrgSignOff);
        }

        if (reached == Stage.QaAmendments)
        {
            allowed.Add(Stage.Publication);
        }

        if (target is Stage t && !allowed.Contains(t))
        {
            Problem(C.Stage, $"The stage \"{StageNames.Describe(t)}\" does not fit the dates, which reach \"{StageNames.Describe(reached)}\": correct the stage or the dates.");
            return (null, problems);
        }

        if (stage == Stage.OnHold && reached == Stage.Closed)
        {
            Problem(C.Stage, "A closed review cannot be on hold: correct the stage or the dates.");
            return (null, problems);
        }

        var last = chain.Where(c => c.Date is not null).Max(c => c.Date!.Value);
        if (heldSince is DateOnly since && since < last)
        {
            Problem(C.HeldSince, $"The hold starts ({Formats(since)}) before the last date of the review ({Formats(last)}): check it.");
            return (null, problems);
        }

        var holdStart = heldSince ?? lookups.Today;
        var holdUntil = holdReview ?? lookups.Today.AddDays(28);
        if (stage == Stage.OnHold && holdUntil <= holdStart)
        {
            Problem(C.HoldReviewDate, "The hold review date must be after the day the hold started.");
            return (null, problems);
        }

        var steps = Steps(target ?? reached, presented, decision, outcome!.Value, homeOffice, appointed, signedOff, submitted, qa, qaOutcome!.Value,
            published, link, closed, lookups.Today);
        if (stage == Stage.OnHold)
        {
            steps.Add(new ImportedStep(Trigger.PutOnHold, holdStart,
                new TriggerArgs { HoldReason = holdReason, ExpectedReviewDate = holdUntil, Comment = ImportComment }));
        }

        return (new ImportRow(row.Row, label, csp!.Value, agency!.Value, type!.Value, death!.Value.Year, death.Value.Month, notified!.Value, stage!.Value,
            update.Length == 0 ? null : update, steps), problems);
    }

    private static List<ImportedStep> Steps(Stage target, DateOnly? presented, DateOnly? decision, bool alternative, DateOnly? homeOffice,
        DateOnly? appointed, DateOnly? signedOff, DateOnly? submitted, DateOnly? qa, Trigger qaOutcome, DateOnly? published, string link, DateOnly? closed,
        DateOnly today)
    {
        var steps = new List<ImportedStep>();
        var comment = new TriggerArgs { Comment = ImportComment };
        void Add(Trigger trigger, DateOnly on, TriggerArgs? args = null) => steps.Add(new ImportedStep(trigger, on, args ?? TriggerArgs.None));

        if (presented is DateOnly p)
        {
            Add(Trigger.PresentToCrg, p);
        }

        if (decision is DateOnly d)
        {
            Add(alternative ? Trigger.RecordCriteriaNotMet : Trigger.RecordCriteriaMet, d, comment with { AlternativeReview = alternative });
            // Without its own date in the tracker, the Home Office is taken to have been told on the day of the decision.
            var told = homeOffice ?? d;
            if (homeOffice is not null || target > Stage.DecisionNotified)
            {
                Add(Trigger.RecordHomeOfficeNotified, told);
            }

            if (target > Stage.DecisionNotified)
            {
                Add(Trigger.RecordHomeOfficeAcknowledged, told);
            }
        }

        if (appointed is DateOnly a)
        {
            // The tracker holds no account and no fee: the fee is recorded later as a cost in the budget if known.
            Add(Trigger.AppointAuthor, a, new TriggerArgs { FeePence = 0 });
        }

        if (signedOff is DateOnly s)
        {
            Add(Trigger.SubmitForSignOff, s);
            Add(Trigger.RecordSignedOff, s);
        }
        else if (target == Stage.CrgSignOff)
        {
            // Sent for sign-off, not signed off yet: the tracker has no date for it, so the day of the import stands in.
            Add(Trigger.SubmitForSignOff, today, new TriggerArgs { Comment = "Imported: the date it went for sign-off is not in the tracker." });
        }

        if (submitted is DateOnly sub)
        {
            Add(Trigger.SubmitToHomeOffice, sub);
        }

        if (qa is DateOnly q)
        {
            Add(qaOutcome, q, comment);
            if (qaOutcome == Trigger.RecordQaApprovedSubjectToAmendments && (target >= Stage.Publication && target != Stage.QaAmendments))
            {
                Add(Trigger.RecordAmendmentsMade, published ?? q);
            }
        }

        if (published is DateOnly pub)
        {
            Add(Trigger.RecordPublished, pub, new TriggerArgs { PublicationLink = link });
        }

        if (closed is DateOnly c)
        {
            Add(Trigger.CloseReview, c);
        }

        return steps;
    }

    private static int? Lookup(string value, IReadOnlyDictionary<string, int> names, string column, string missing, Func<string, string> unknown,
        Action<string, string> problem)
    {
        if (value.Length == 0)
        {
            problem(column, missing);
            return null;
        }

        if (names.TryGetValue(CaseLabels.Normalise(value), out var id))
        {
            return id;
        }

        problem(column, unknown(value));
        return null;
    }

    public static DateOnly? ParseDate(string text)
    {
        var t = text.Trim();
        if (DateOnly.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            return date;
        }

        // A spreadsheet date cell that arrived as its serial number (days since 30 Dec 1899).
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 3000 and < 100000)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }

        // A date with a time of midnight, as some spreadsheets write it.
        return DateTime.TryParseExact(t, ["d/M/yyyy H:mm:ss", "dd/MM/yyyy HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var dt) ? DateOnly.FromDateTime(dt) : null;
    }

    public static (int Year, int Month)? ParseMonth(string text)
    {
        var t = text.Trim();
        if (DateOnly.TryParseExact(t, MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return (month.Year, month.Month);
        }

        return ParseDate(t) is DateOnly date ? (date.Year, date.Month) : null;
    }

    public static Stage? ParseStage(string text)
    {
        var key = CaseLabels.Normalise(text);
        if (key.Length == 0)
        {
            return null;
        }

        return Enum.GetValues<Stage>().Cast<Stage?>().FirstOrDefault(s =>
            CaseLabels.Normalise(StageNames.Describe(s!.Value)) == key || s.Value.ToString().Equals(key.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
    }

    public static HoldReason? ParseHoldReason(string text)
    {
        var key = CaseLabels.Normalise(text.Replace('’', '\''));
        return key.Length == 0 ? null : Enum.GetValues<HoldReason>().Cast<HoldReason?>().FirstOrDefault(r =>
            CaseLabels.Normalise(StageNames.Describe(r!.Value)) == key || r.Value.ToString().Equals(key.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
    }

    private static string Formats(DateOnly date) => CaseChanges.Format(date);
}
