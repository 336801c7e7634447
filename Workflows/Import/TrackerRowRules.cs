using Domain.Calendar;
using Domain.Reviews;
using Workflows.Process;
using C = Workflows.Import.ImportColumns;

namespace Workflows.Import;

/// Checks across the columns of a row: the dates in the order the steps happen, each with the one before it; the
/// notification after the month of death; a publication with its link; the hold columns only for a review on hold.
public static class TrackerRowRules
{
    public static void Check(TrackerEntry entry, RowProblems problems)
    {
        CheckNotifiedAfterDeath(entry, problems);
        CheckDateOrder(entry.Dates, problems);
        CheckPublicationLink(entry, problems);
        CheckHoldColumns(entry, problems);
    }

    private static void CheckNotifiedAfterDeath(TrackerEntry entry, RowProblems problems)
    {
        if (entry.Dates.Notified is DateOnly n && entry.Death is { } d && (n.Year < d.Year || (n.Year == d.Year && n.Month < d.Month)))
        {
            problems.Add(C.Notified, "The date notified is before the month of death: check both.");
        }
    }

    /// Each date needs the one before it, and none may be earlier than it.
    private static void CheckDateOrder(TrackerDates dates, RowProblems problems)
    {
        var pipeline = dates.Pipeline;
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
        else if (entry.Stage is not null && entry.Stage != Stage.OnHold && (entry.HasHoldReason || entry.Dates.HasHold))
        {
            problems.Add(C.HoldReason, "A hold is filled in but the current stage is not \"On hold\": clear the hold columns or change the stage.");
        }
    }
}
