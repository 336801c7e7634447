using Domain.Calendar;
using Domain.Reviews;
using Workflows.Process;
using C = Workflows.Import.ImportColumns;

namespace Workflows.Import;

/// Reads a row column by column: each cell is parsed and checked on its own (required, a value the template takes,
/// a known CSP or agency, a date not in the future), with a problem for each cell that fails. Checks across columns
/// are TrackerRowRules'.
public static class TrackerCells
{
    public static TrackerEntry Read(TrackerRow row, ImportLookups lookups, RowProblems problems)
    {
        var label = string.Join(' ', row.Get(C.CaseLabel).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        CheckLabel(label, lookups, problems);
        var csp = Lookup(row.Get(C.LeadCsp), lookups.Csps, C.LeadCsp, "Enter the lead CSP.",
            v => $"\"{v}\" is not a CSP your office serves: use its name as the portal shows it (see the list in the template).", problems);
        var agency = Lookup(row.Get(C.NotifyingAgency), lookups.Agencies, C.NotifyingAgency, "Enter the agency that notified the death.",
            v => $"\"{v}\" is not an agency in the portal: use its name as the portal shows it, or ask an administrator to add it.", problems);

        var type = TrackerValues.ParseType(row.Get(C.Type));
        if (type is null)
        {
            problems.Add(C.Type, row.Get(C.Type).Length == 0 ? "Enter the type: DARDR or DHR." : $"\"{row.Get(C.Type)}\" is not a type: enter DARDR or DHR.");
        }

        var death = TrackerValues.ParseMonth(row.Get(C.DeathMonth));
        if (death is null)
        {
            problems.Add(C.DeathMonth, row.Get(C.DeathMonth).Length == 0
                ? "Enter the month and year of death, e.g. 03/2025."
                : $"\"{row.Get(C.DeathMonth)}\" is not a month: enter it as mm/yyyy, e.g. 03/2025.");
        }

        DateOnly? Date(string column, bool required = false) => ReadDate(row, column, required, lookups.Today, problems);
        var (presented, presentedMonthOnly) = ReadDateOrMonth(row, C.Presented, lookups.Today, problems);
        var dates = new TrackerDates(Date(C.Notified, required: true), presented, Date(C.Decision), Date(C.HomeOfficeNotified),
            Date(C.AuthorAppointed), Date(C.SignedOff), Date(C.Submitted), Date(C.QaDate), Date(C.Published), Date(C.Closed), Date(C.HeldSince),
            Date(C.HoldReviewDate), Date(C.HoldEnded))
        {
            ReversedOn = Date(C.ReversedOn),
            FirstPanel = Date(C.FirstPanel),
            Stopped = Date(C.Stopped),
            PresentedMonthOnly = presentedMonthOnly,
        };

        var reversal = TrackerValues.ParseReversal(row.Get(C.Reversed));
        if (row.Get(C.Reversed).Length > 0 && reversal is null)
        {
            problems.Add(C.Reversed, $"\"{row.Get(C.Reversed)}\" is not a reason the CRG reverses a decision for: enter judicial review, appeal or new information.");
        }

        var outcome = TrackerValues.ParseOutcome(row.Get(C.Outcome));
        if (outcome is null)
        {
            problems.Add(C.Outcome, $"\"{row.Get(C.Outcome)}\" is not an outcome the import takes: enter \"Criteria met\", \"Alternative review\" or \"Criteria not met\" (or leave it empty for criteria met).");
        }

        var qaOutcome = TrackerValues.ParseQaOutcome(row.Get(C.QaOutcome));
        if (qaOutcome is null)
        {
            problems.Add(C.QaOutcome, $"\"{row.Get(C.QaOutcome)}\" is not a QA outcome the import takes: enter \"Approved\" or \"Approved subject to amendments\".");
        }

        var stage = TrackerValues.ParseStage(row.Get(C.Stage));
        if (stage is null)
        {
            problems.Add(C.Stage, row.Get(C.Stage).Length == 0
                ? "Enter the current stage, as the portal names it (see the template)."
                : $"\"{row.Get(C.Stage)}\" is not a stage: use one of the names listed in the template.");
        }

        var holdReason = TrackerValues.ParseHoldReason(row.Get(C.HoldReason));
        if (row.Get(C.HoldReason).Length > 0 && holdReason is null)
        {
            problems.Add(C.HoldReason, $"\"{row.Get(C.HoldReason)}\" is not a hold reason: enter criminal trial, inquest, coroner's request, police investigation, family request or other.");
        }

        var update = row.Get(C.LatestUpdate);
        if (update.Length > ImportRows.LatestUpdateMaxLength)
        {
            problems.Add(C.LatestUpdate, $"The latest update must be {ImportRows.LatestUpdateMaxLength} characters or fewer.");
        }

        return new TrackerEntry
        {
            CaseLabel = label,
            LeadCspId = csp,
            NotifyingAgencyId = agency,
            Type = type,
            Death = death,
            Dates = dates,
            Outcome = outcome,
            QaOutcome = qaOutcome,
            PublicationLink = row.Get(C.PublicationLink),
            Stage = stage,
            HoldReason = holdReason,
            HasHoldReason = row.Get(C.HoldReason).Length > 0,
            Reversal = reversal,
            HasReversal = row.Get(C.Reversed).Length > 0,
            StopReason = row.Get(C.StopReason) is { Length: > 0 } stopReason ? stopReason : null,
            LatestUpdate = update.Length == 0 ? null : update,
            UpdateAsAt = Date(C.UpdateAsAt),
        };
    }

    private static void CheckLabel(string label, ImportLookups lookups, RowProblems problems)
    {
        if (label.Length == 0)
        {
            problems.Add(C.CaseLabel, "Enter the case label, e.g. \"Case Q 2025\" (never a name).");
        }
        else if (label.Length > Notification.CaseLabelMaxLength)
        {
            problems.Add(C.CaseLabel, $"The case label must be {Notification.CaseLabelMaxLength} characters or fewer.");
        }
        else if (lookups.LabelsInUse.Contains(CaseLabels.Normalise(label)))
        {
            problems.Add(C.CaseLabel, $"The case label \"{label}\" is already used by a review in the portal: choose another.");
        }
    }

    private static int? Lookup(string value, IReadOnlyDictionary<string, int> names, string column, string missing, Func<string, string> unknown,
        RowProblems problems)
    {
        if (value.Length == 0)
        {
            problems.Add(column, missing);
            return null;
        }

        if (names.TryGetValue(CaseLabels.Normalise(value), out var id))
        {
            return id;
        }

        problems.Add(column, unknown(value));
        return null;
    }

    /// A date, or a month alone where an office often knows only the month (ImportColumns.MonthAllowed): not in the future.
    private static (DateOnly? Date, bool MonthOnly) ReadDateOrMonth(TrackerRow row, string column, DateOnly today, RowProblems problems)
    {
        var text = row.Get(column);
        if (text.Length == 0 || TrackerValues.ParseDate(text) is not null || TrackerValues.ParseMonthAlone(text) is not DateOnly month)
        {
            return (ReadDate(row, column, false, today, problems), false);
        }

        if (month > today)
        {
            problems.Add(column, $"{UkDate.FormatMonth(month)} is in the future: the tracker records what has happened.");
            return (null, false);
        }

        return (month, true);
    }

    /// A date of the history: not in the future (the tracker records what has happened), except the hold review date.
    internal static DateOnly? ReadDate(TrackerRow row, string column, bool required, DateOnly today, RowProblems problems)
    {
        var text = row.Get(column);
        if (text.Length == 0)
        {
            if (required)
            {
                problems.Add(column, $"Enter the date ({column.ToLowerInvariant()}) as dd/mm/yyyy.");
            }

            return null;
        }

        var date = TrackerValues.ParseDate(text);
        if (date is null)
        {
            problems.Add(column, C.MonthAllowed.Contains(column)
                ? $"\"{text}\" is not a date or a month: enter the date as dd/mm/yyyy (e.g. 02/11/2025), or the month as mm/yyyy (e.g. 11/2025) when only the month is known."
                : $"\"{text}\" is not a date: enter it as dd/mm/yyyy, e.g. 02/11/2025.");
        }
        else if (date > today && column != C.HoldReviewDate)
        {
            problems.Add(column, $"{UkDate.Format(date.Value)} is in the future: the tracker records what has happened.");
            return null;
        }

        return date;
    }
}
