using Domain.Calendar;
using Domain.Reviews;

namespace Domain.Submissions;

/// One submission of the final report to the Home Office (and its copy to the Domestic Abuse Commissioner), with the
/// checklist of what was sent and the quality assurance outcome. A resubmission is a new, numbered row.
public sealed class HomeOfficeSubmission
{
    public long Id { get; set; }

    public int ReviewId { get; set; }

    /// 1 for the first submission, 2 for the resubmission after "amend and resubmit", ...
    public int Number { get; set; }

    public DateOnly SubmittedOn { get; set; }

    /// Null only for a submission recorded before the portal kept the checklist (the QA outcome then adds the row).
    public DateOnly? CommissionerCopyOn { get; set; }

    public bool OverviewReport { get; set; }

    public long? OverviewReportDocumentId { get; set; }

    public bool ExecutiveSummary { get; set; }

    public long? ExecutiveSummaryDocumentId { get; set; }

    public bool ActionPlan { get; set; }

    public long? ActionPlanDocumentId { get; set; }

    public bool DataCollectionForm { get; set; }

    public long? DataCollectionFormDocumentId { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public required string RecordedByUserId { get; set; }

    public QaOutcome? QaOutcome { get; set; }

    public DateOnly? QaOutcomeOn { get; set; }

    public List<QaFeedbackPoint> FeedbackPoints { get; set; } = [];
}

/// A point of the QA panel's feedback that the officer ticks off once addressed.
public sealed class QaFeedbackPoint
{
    public long Id { get; set; }

    public long SubmissionId { get; set; }

    public int ReviewId { get; set; }

    public int Number { get; set; }

    public required string Text { get; set; }

    public DateTime? AddressedAtUtc { get; set; }

    public string? AddressedByUserId { get; set; }
}

/// The four documents that go to the Home Office: each ticked, optionally with the portal's document id.
public sealed record ChecklistItem(bool Ticked, long? DocumentId = null);

public sealed record SubmissionChecklist(ChecklistItem OverviewReport, ChecklistItem ExecutiveSummary, ChecklistItem ActionPlan,
    ChecklistItem DataCollectionForm)
{
    public static SubmissionChecklist All(bool ticked) =>
        new(new ChecklistItem(ticked), new ChecklistItem(ticked), new ChecklistItem(ticked), new ChecklistItem(ticked));

    public IEnumerable<(string Field, string Name, ChecklistItem Item)> Items()
    {
        yield return (nameof(OverviewReport), "the overview report", OverviewReport);
        yield return (nameof(ExecutiveSummary), "the executive summary", ExecutiveSummary);
        yield return (nameof(ActionPlan), "the action plan", ActionPlan);
        yield return (nameof(DataCollectionForm), "the data collection form", DataCollectionForm);
    }
}

/// The rules of submission, QA outcome and publication: pure, so they are tested fast.
public static class SubmissionRules
{
    public const int PointMaxLength = 500;
    public const int MaxPoints = 40;
    public const int LinkMaxLength = 400;

    /// All four documents ticked; both dates given, not in the future and not before the CRG signed off.
    public static IReadOnlyList<Error> ValidateSubmission(SubmissionChecklist checklist, DateOnly? submittedOn, DateOnly? copyOn,
        DateOnly? signedOffOn, DateOnly today)
    {
        var errors = new List<Error>();
        var missing = checklist.Items().Where(i => !i.Item.Ticked).Select(i => i.Name).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new Error($"All four documents go to the Home Office: tick {Join(missing)} once sent.", "Checklist"));
        }

        foreach (var (field, name, item) in checklist.Items())
        {
            if (item.DocumentId is <= 0)
            {
                errors.Add(new Error($"The document number of {name} must be a positive number, or leave it empty.", field));
            }
        }

        CheckDate(errors, "SubmittedOn", submittedOn, "the date the report was submitted to the Home Office", signedOffOn, today);
        CheckDate(errors, "CommissionerCopyOn", copyOn, "the date the copy went to the Domestic Abuse Commissioner", signedOffOn, today);
        return errors;
    }

    private static void CheckDate(List<Error> errors, string field, DateOnly? date, string what, DateOnly? signedOffOn, DateOnly today)
    {
        if (date is not DateOnly d)
        {
            errors.Add(new Error($"Enter {what}.", field));
        }
        else if (d > today)
        {
            errors.Add(new Error($"The date cannot be in the future: enter {what}.", field));
        }
        else if (signedOffOn is DateOnly signed && d < signed)
        {
            errors.Add(new Error($"The date cannot be before the CRG signed off the report ({UkDate.Format(signed)}).", field));
        }
    }

    /// Feedback points: at least one for "approved subject to amendments"; none for "approved".
    public static IReadOnlyList<Error> ValidateQaOutcome(QaOutcome? outcome, IReadOnlyList<string> points, DateOnly? outcomeOn, DateOnly submittedOn,
        DateOnly today)
    {
        var errors = new List<Error>();
        if (outcome is not QaOutcome o)
        {
            errors.Add(new Error("Choose the quality assurance outcome.", "Outcome"));
            return errors;
        }

        if (o == QaOutcome.ApprovedSubjectToAmendments && points.Count == 0)
        {
            errors.Add(new Error("List the QA panel's feedback points (at least one), one per line.", "Points"));
        }
        else if (o == QaOutcome.Approved && points.Count > 0)
        {
            errors.Add(new Error("An approval without amendments has no feedback points to address: clear the list or choose \"approved subject to amendments\".", "Points"));
        }
        else if (points.Count > MaxPoints || points.Any(p => p.Length > PointMaxLength))
        {
            errors.Add(new Error($"List at most {MaxPoints} feedback points of up to {PointMaxLength} characters each.", "Points"));
        }

        if (outcomeOn is not DateOnly on)
        {
            errors.Add(new Error("Enter the date of the QA outcome.", "Date"));
        }
        else if (on > today)
        {
            errors.Add(new Error("The date of the QA outcome cannot be in the future.", "Date"));
        }
        else if (on < submittedOn)
        {
            errors.Add(new Error($"The QA outcome cannot be before the submission ({UkDate.Format(submittedOn)}).", "Date"));
        }

        return errors;
    }

    /// The amendments are made only when every feedback point is ticked as addressed.
    public static string? AmendmentsMadeBlockedBecause(int outstandingPoints) => outstandingPoints switch
    {
        0 => null,
        1 => "Tick the last QA feedback point as addressed first.",
        _ => $"Tick every QA feedback point as addressed first ({outstandingPoints} still open).",
    };

    /// Publication: a date not in the future nor before the submission, and an https address.
    public static IReadOnlyList<Error> ValidatePublication(DateOnly? publishedOn, string? link, DateOnly? submittedOn, DateOnly today)
    {
        var errors = new List<Error>();
        if (publishedOn is not DateOnly on)
        {
            errors.Add(new Error("Enter the date the report was published.", "Date"));
        }
        else if (on > today)
        {
            errors.Add(new Error("The publication date cannot be in the future: record it once the report is published.", "Date"));
        }
        else if (submittedOn is DateOnly submitted && on < submitted)
        {
            errors.Add(new Error($"The publication date cannot be before the submission to the Home Office ({UkDate.Format(submitted)}).", "Date"));
        }

        if (CheckLink(link, "PublicationLink") is { } badLink)
        {
            errors.Add(badLink);
        }

        return errors;
    }

    /// The address of a published report: https only, at most LinkMaxLength characters.
    public static Error? CheckLink(string? link, string field)
    {
        var trimmed = link?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > LinkMaxLength
            || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host)
            ? new Error("Enter the web address of the published report, starting https:// (secure addresses only).", field)
            : null;
    }

    private static string Join(List<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
}
