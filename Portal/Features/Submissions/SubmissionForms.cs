using Domain.Reviews;
using Domain.Submissions;
using Workflows.Submissions;

namespace Portal.Features.Submissions;

/// What the submission form holds while the officer fills it in.
public sealed class SubmissionFormModel
{
    public bool OverviewReport { get; set; }

    public long? OverviewReportDocumentId { get; set; }

    public bool ExecutiveSummary { get; set; }

    public long? ExecutiveSummaryDocumentId { get; set; }

    public bool ActionPlan { get; set; }

    public long? ActionPlanDocumentId { get; set; }

    public bool DataCollectionForm { get; set; }

    public long? DataCollectionFormDocumentId { get; set; }

    public DateTime? SubmittedOn { get; set; }

    public DateTime? CommissionerCopyOn { get; set; }

    public SubmissionInput ToInput() => new(
        new SubmissionChecklist(new ChecklistItem(OverviewReport, OverviewReportDocumentId), new ChecklistItem(ExecutiveSummary, ExecutiveSummaryDocumentId),
            new ChecklistItem(ActionPlan, ActionPlanDocumentId), new ChecklistItem(DataCollectionForm, DataCollectionFormDocumentId)),
        FormDates.Of(SubmittedOn), FormDates.Of(CommissionerCopyOn));
}

public sealed class QaFormModel
{
    public QaOutcome? Outcome { get; set; }

    public DateTime? Date { get; set; }

    public string? Points { get; set; }

    public string? Comment { get; set; }

    public QaOutcomeInput ToInput() => new(Outcome, FormDates.Of(Date), Domain.Crg.CrgRules.Lines(Points), Comment);
}

public sealed class PublicationFormModel
{
    public DateTime? PublishedOn { get; set; }

    public string? Link { get; set; }

    public PublicationInput ToInput() => new(FormDates.Of(PublishedOn), Link);
}

public static class FormDates
{
    public static DateOnly? Of(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;
}
