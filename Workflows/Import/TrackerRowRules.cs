using Domain.Calendar;
using Domain.Reviews;
using Workflows.Process;
using C = Workflows.Import.ImportColumns;

namespace Workflows.Import;

/// Checks across the columns of a row: the dates in the order the steps happen, each with the one before it; the
/// notification after the month of death; a publication with its link; the outcome with the dates it allows; the hold
/// columns for a review on hold now or for a hold that ended; the latest update's date.
public static class TrackerRowRules
{
    public static void Check(TrackerEntry entry, RowProblems problems)
    {
        CheckNotifiedAfterDeath(entry, problems);
        CheckDateOrder(entry.Dates.PipelineFor(entry.CriteriaNotMet), problems);
        CheckPublicationLink(entry, problems);
        CheckOutcome(entry, problems);
        CheckHoldColumns(entry, problems);
        CheckEndedHold(entry, problems);
        CheckUpdateAsAt(entry, problems);
    }

    private static void CheckNotifiedAfterDeath(TrackerEntry entry, RowProblems problems)
    {
        if (entry.Dates.Notified is DateOnly n && entry.Death is { } d && (n.Year < d.Year || (n.Year == d.Year && n.Month < d.Month)))
        {
            problems.Add(C.Notified, "The date notified is before the month of death: check both.");
        }
    }

    /// Each date needs the one before it, and none may be earlier than it.
    private static void CheckDateOrder(IReadOnlyList<(string Column, DateOnly? Date)> pipeline, RowProblems problems)
    {
        (string Column, DateOnly Date)? previous = null;
        for (var i = 0; i < pipeline.Count; i++)
        {
            var (column, date) = pipeline[i];
            if (date is not DateOnly value)
            {
                continue;
            }

            if (previous is { } p && value < p.Date)
            {
                problems.Add(column, $"{column} ({UkDate.Format(value)}) is before {p.Column.ToLowerInvariant()} ({UkDate.Format(p.Date)}): the dates are out of order.");
            }

            // The Home Office notification date may be missing: the decision date then stands in for it.
            var before = i > 1 && pipeline[i - 1].Column == C.HomeOfficeNotified ? pipeline[i - 2] : pipeline[i - 1 < 0 ? 0 : i - 1];
            if (i > 1 && before.Date is null)
            {
                problems.Add(column, $"{column} is filled in but {before.Column.ToLowerInvariant()} is not: enter that date too.");
            }

            previous = (column, value);
        }
    }

    private static void CheckPublicationLink(TrackerEntry entry, RowProblems problems)
    {
        var link = entry.PublicationLink;
        if (entry.Dates.Published is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && link.Length <= RecordPublishedArgs.LinkMaxLength))
        {
            problems.Add(C.PublicationLink, link.Length == 0
                ? "Enter the web address of the published report (the review has a publication date)."
                : $"\"{link}\" is not a web address: it should start https://.");
        }
    }

    private static void CheckHoldColumns(TrackerEntry entry, RowProblems problems)
    {
        if (entry.Stage == Stage.OnHold && !entry.HasHoldReason)
        {
            problems.Add(C.HoldReason, "The review is on hold: enter the reason for the hold.");
        }
        else if (entry.Stage == Stage.OnHold && entry.Dates.HoldEnded is not null)
        {
            problems.Add(C.HoldEnded, "The review is on hold now: leave \"Hold ended\" empty, or change the current stage.");
        }
        else if (entry.Stage is not null && entry.Stage != Stage.OnHold && !entry.Dates.HasEndedHold && (entry.HasHoldReason || entry.Dates.HasHold))
        {
            problems.Add(C.HoldReason, "A hold is filled in but the current stage is not \"On hold\": enter the date it ended in \"Hold ended\", clear the hold columns, or change the stage.");
        }
    }

    /// A hold that ended: its reason and start, an end after the start, and no step of the review while it was held.
    private static void CheckEndedHold(TrackerEntry entry, RowProblems problems)
    {
        if (entry.Stage == Stage.OnHold || entry.Dates.HoldEnded is not DateOnly ended)
        {
            return;
        }

        if (!entry.HasHoldReason)
        {
            problems.Add(C.HoldReason, "A hold ended: enter its reason too.");
        }

        if (entry.Dates.HeldSince is not DateOnly since)
        {
            problems.Add(C.HeldSince, "A hold ended: enter the date it started in \"On hold since\".");
            return;
        }

        if (ended <= since)
        {
            problems.Add(C.HoldEnded, $"The hold ended ({UkDate.Format(ended)}) on or before the day it started ({UkDate.Format(since)}): check both.");
            return;
        }

        foreach (var (column, date) in entry.Dates.PipelineFor(entry.CriteriaNotMet))
        {
            if (date is DateOnly d && d > since && d < ended)
            {
                problems.Add(column, $"{column} ({UkDate.Format(d)}) falls while the review was on hold ({UkDate.Format(since)} to {UkDate.Format(ended)}): check the dates.");
            }
        }
    }

    /// "Criteria not met" (no review, not even an alternative one): a decision date, and no step of a review.
    private static void CheckOutcome(TrackerEntry entry, RowProblems problems)
    {
        if (!entry.CriteriaNotMet)
        {
            return;
        }

        var d = entry.Dates;
        if (d.Decision is null)
        {
            problems.Add(C.Decision, "The outcome is \"Criteria not met\": enter the date of the CRG's decision.");
        }

        if (d.Appointed is not null || d.SignedOff is not null || d.Submitted is not null || d.QaOutcome is not null || d.Published is not null)
        {
            problems.Add(C.Outcome, "The CRG decided the criteria were not met, yet the row has dates of a review (appointment, sign-off, submission, QA or publication): clear them, or correct the outcome.");
        }
    }

    private static void CheckUpdateAsAt(TrackerEntry entry, RowProblems problems)
    {
        if (entry.UpdateAsAt is not DateOnly asAt)
        {
            return;
        }

        if (entry.LatestUpdate is null)
        {
            problems.Add(C.UpdateAsAt, "\"Update as at\" is filled in but \"Latest update\" is not: enter the update, or clear the date.");
        }
        else if (entry.Dates.Notified is DateOnly notified && asAt < notified)
        {
            problems.Add(C.UpdateAsAt, $"The update's date ({UkDate.Format(asAt)}) is before the date notified ({UkDate.Format(notified)}): check it.");
        }
    }
}
