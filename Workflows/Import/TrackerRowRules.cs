using Domain.Calendar;
using Domain.Reviews;
using Domain.Submissions;
using Domain.Workflow;
using Workflows.Process;
using C = Workflows.Import.ImportColumns;

namespace Workflows.Import;

/// Checks across the columns of a row: the dates in the order the steps happen, each with the one before it; the
/// notification after the month of death; a publication with its link; the outcome with the dates it allows; a reversal
/// with its reason and date; a stop with its reason, closing the review; the hold columns for a review on hold now, for
/// a hold that ended or one the review was stopped in; the latest update's date.
public static class TrackerRowRules
{
    public static void Check(TrackerEntry entry, RowProblems problems)
    {
        CheckNotifiedAfterDeath(entry, problems);
        CheckDateOrder(entry.Dates.PipelineFor(entry.WithoutReview), problems);
        CheckPublicationLink(entry, problems);
        CheckOutcome(entry, problems);
        CheckReversal(entry, problems);
        CheckStop(entry, problems);
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

    /// Each date needs the one before it, and none may be earlier than any before it. A month alone is not before a date
    /// in the same month, nor a date in the same month before it.
    private static void CheckDateOrder(IReadOnlyList<TrackerDate> pipeline, RowProblems problems)
    {
        TrackerDate? previous = null;
        for (var i = 0; i < pipeline.Count; i++)
        {
            var current = pipeline[i];
            if (current.Date is not DateOnly earliest)
            {
                continue;
            }

            if (previous is { } p && current.Latest < p.Date)
            {
                problems.Add(current.Column, $"{current.Column} ({current.Describe()}) is before {p.Column.ToLowerInvariant()} ({p.Describe()}): the dates are out of order.");
            }

            if (TrackerDates.Needed(pipeline, i) is { Date: null } before)
            {
                problems.Add(current.Column, $"{current.Column} is filled in but {before.Column.ToLowerInvariant()} is not: enter that date too.");
            }

            if (previous is not { } latest || earliest >= latest.Date)
            {
                previous = current;
            }
        }
    }

    private static void CheckPublicationLink(TrackerEntry entry, RowProblems problems)
    {
        var link = entry.PublicationLink;
        if (entry.Dates.Published is not null && SubmissionRules.CheckLink(link, C.PublicationLink) is not null)
        {
            problems.Add(C.PublicationLink, link.Length == 0
                ? "Enter the web address of the published report (the review has a publication date)."
                : $"\"{link}\" is not a secure web address: it should start https://.");
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
        else if (entry.IsStopped && !entry.Dates.HasEndedHold && (entry.HasHoldReason || entry.Dates.HasHold))
        {
            // Stopped while on hold: the stop ends the hold, which needs its reason and its first day.
            if (!entry.HasHoldReason)
            {
                problems.Add(C.HoldReason, "The review was stopped while on hold: enter the reason for the hold.");
            }

            if (entry.Dates.HeldSince is not DateOnly since)
            {
                problems.Add(C.HeldSince, "The review was stopped while on hold: enter the date the hold started in \"On hold since\".");
            }
            else if (entry.Dates.Stopped <= since)
            {
                problems.Add(C.Stopped, $"The review was stopped ({UkDate.Format(entry.Dates.Stopped.Value)}) on or before the day its hold started ({UkDate.Format(since)}): check both.");
            }
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

        foreach (var step in entry.Dates.PipelineFor(entry.WithoutReview))
        {
            if (step.Date > since && step.Latest < ended)
            {
                problems.Add(step.Column, $"{step.Column} ({step.Describe()}) falls while the review was on hold ({UkDate.Format(since)} to {UkDate.Format(ended)}): check the dates.");
            }
        }
    }

    /// "Criteria not met" (no review, not even an alternative one): a decision date, and no step of a review unless the
    /// CRG reversed its decision.
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

        if (!entry.WithoutReview)
        {
            return;
        }

        if (d.Stopped is not null)
        {
            problems.Add(C.Stopped, "The CRG decided the criteria were not met, so no review was held to stop: close the case in \"Closed\" instead.");
        }

        if (d.FirstPanel is not null || d.Appointed is not null || d.SignedOff is not null || d.Submitted is not null || d.QaOutcome is not null || d.Published is not null)
        {
            problems.Add(C.Outcome, "The CRG decided the criteria were not met, yet the row has dates of a review (appointment, panel, sign-off, submission, QA or publication): clear them, correct the outcome, or enter the CRG's reversal in \"Decision reversed\" and \"Reversed on\".");
        }
    }

    /// A reversal: of a "criteria not met" decision, with its reason and the date of the new decision.
    private static void CheckReversal(TrackerEntry entry, RowProblems problems)
    {
        if (!entry.HasReversal && entry.Dates.ReversedOn is null)
        {
            return;
        }

        if (!entry.CriteriaNotMet)
        {
            problems.Add(C.Reversed, "Only a \"Criteria not met\" decision is reversed: set the CRG outcome to \"Criteria not met\" (the decision reversed), or clear the reversal.");
        }

        if (!entry.HasReversal)
        {
            problems.Add(C.Reversed, "The decision was reversed: enter why in \"Decision reversed\" (judicial review, appeal or new information).");
        }

        if (entry.Dates.ReversedOn is null)
        {
            problems.Add(C.ReversedOn, "The decision was reversed: enter the date of the CRG's new decision in \"Reversed on\".");
        }
    }

    /// A stop: its reason, a closed stage and no other closure.
    private static void CheckStop(TrackerEntry entry, RowProblems problems)
    {
        if (entry.StopReason is null && !entry.IsStopped)
        {
            return;
        }

        if (entry.StopReason is null)
        {
            problems.Add(C.StopReason, "The review was stopped: say why, and what the Home Office agreed, in \"Stop reason\".");
        }
        else if (entry.StopReason.Length > JournalEntry.CommentMaxLength)
        {
            problems.Add(C.StopReason, $"The stop reason must be {JournalEntry.CommentMaxLength} characters or fewer.");
        }

        if (!entry.IsStopped)
        {
            problems.Add(C.Stopped, "A stop reason is filled in: enter the date the Home Office agreed to stop the review in \"Stopped\".");
            return;
        }

        if (entry.Stage is not null and not Stage.Closed)
        {
            problems.Add(C.Stage, "A stopped review is closed: enter \"Closed\" as the current stage.");
        }

        if (entry.Dates.Closed is not null)
        {
            problems.Add(C.Closed, "A stopped review is closed by the stop: leave \"Closed\" empty.");
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
