using Domain;
using Domain.Access;
using Domain.Reviews;
using Domain.Submissions;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Process;

namespace Workflows.Submissions;

public sealed record FeedbackPointView(long Id, int Number, string Text, DateTime? AddressedAtUtc);

public sealed record SubmissionView(long Id, int Number, DateOnly SubmittedOn, DateOnly? CommissionerCopyOn, SubmissionChecklist Checklist,
    QaOutcome? QaOutcome, DateOnly? QaOutcomeOn, IReadOnlyList<FeedbackPointView> Points);

public sealed record PublicationLinkView(long Id, string Url, string Label);

public sealed record SignOffAmendmentsView(DateOnly MeetingDate, IReadOnlyList<string> Amendments);

/// The review page's "Sign-off, submission and publication" section: sign-off, each submission with its checklist
/// and QA outcome, the feedback points, publication, and the actions of this part of the process (with reasons).
public sealed record SubmissionSectionView(int ReviewId, Stage Stage, int Version, bool CanChange, DateOnly? SignedOffOn, DateOnly? PublishedOn,
    IReadOnlyList<PublicationLinkView> PublicationLinks, IReadOnlyList<SignOffAmendmentsView> SignOffAmendments, IReadOnlyList<SubmissionView> Submissions,
    IReadOnlyDictionary<Trigger, ActionOption> Actions)
{
    /// What the case profile still lacks for the data collection form (empty: complete), for a reader who may read the
    /// profile and so download the form; null for anyone else.
    public IReadOnlyList<string>? ProfileMissing { get; init; }

    /// The sign-off is known to have happened but not when (imported without its date): SignedOffOn then holds only the
    /// day it was placed on, for the guards, and is not shown as a date.
    public bool SignOffDateNotRecorded { get; init; }

    public SubmissionView? Latest => Submissions.Count == 0 ? null : Submissions[^1];
}

public sealed class SubmissionQuery(IReviewDbFactory dbs, AuditLog audit, WorkflowEngine engine, AtRest atRest)
{
    /// The triggers this section gives a form of its own; the generic process panel leaves them to it.
    public static readonly IReadOnlySet<Trigger> Triggers = new HashSet<Trigger>
    {
        Trigger.SubmitToHomeOffice, Trigger.RecordQaApproved, Trigger.RecordQaApprovedSubjectToAmendments, Trigger.RecordQaResubmit,
        Trigger.RecordAmendmentsMade, Trigger.RecordPublished,
    };

    public async Task<Result<SubmissionSectionView>> HandleAsync(Actor actor, int reviewId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var scope = await CaseScope.LoadAsync(db, actor, ct);
        var access = await scope.ForAsync(db, reviewId, ct);
        if (!access.CanRead)
        {
            await audit.RefusedAsync(db, actor, "Review", reviewId.ToString(), reviewId, "view submission", ct);
            return new AccessRefused("this review");
        }

        var review = await db.Reviews.AsNoTracking().Include(r => r.Participants).Include(r => r.PublicationLinks).SingleAsync(r => r.Id == reviewId, ct);
        var submissions = await db.HomeOfficeSubmissions.AsNoTracking().Include(s => s.FeedbackPoints)
            .Where(s => s.ReviewId == reviewId).OrderBy(s => s.Number).ToListAsync(ct);
        var amendments = await (from a in db.CrgAmendments
                                join i in db.CrgAgendaItems on a.AgendaItemId equals i.Id
                                join m in db.CrgMeetings on i.MeetingId equals m.Id
                                where a.ReviewId == reviewId
                                select new { m.MeetingDate, a.Number, a.Text }).AsNoTracking().ToListAsync(ct);
        var actions = (await engine.ActionsAsync(db, review, actor, access, ct)).Where(a => Triggers.Contains(a.Trigger)).ToDictionary(a => a.Trigger);
        return new SubmissionSectionView(review.Id, review.Stage, review.Version, access.CanChange, review.SignedOffOn, review.PublishedOn,
            review.PublicationLinks.OrderBy(l => l.Id).Select(l => new PublicationLinkView(l.Id, l.Url, l.Label)).ToList(),
            amendments.GroupBy(a => a.MeetingDate).OrderBy(g => g.Key)
                .Select(g => new SignOffAmendmentsView(g.Key, g.OrderBy(a => a.Number).Select(a => a.Text).ToList())).ToList(),
            submissions.Select(View).ToList(), actions)
        {
            SignOffDateNotRecorded = review.SignedOffOn is not null && await db.JournalEntries.AsNoTracking()
                .Where(j => j.ReviewId == reviewId && j.Trigger == Trigger.RecordSignedOff && j.UndoneById == null)
                .OrderByDescending(j => j.Id).Select(j => j.Precision).FirstOrDefaultAsync(ct) == DatePrecision.NotRecorded,
            ProfileMissing = access.CanSeeRestricted
                ? (await Profiles.CaseProfileQuery.LoadAsync(db, atRest, reviewId, review.Reference, review.CaseLabel, access.CanChange, ct)).Missing
                : null,
        };
    }

    private static SubmissionView View(HomeOfficeSubmission s) => new(s.Id, s.Number, s.SubmittedOn, s.CommissionerCopyOn,
        new SubmissionChecklist(new ChecklistItem(s.OverviewReport, s.OverviewReportDocumentId), new ChecklistItem(s.ExecutiveSummary, s.ExecutiveSummaryDocumentId),
            new ChecklistItem(s.ActionPlan, s.ActionPlanDocumentId), new ChecklistItem(s.DataCollectionForm, s.DataCollectionFormDocumentId)),
        s.QaOutcome, s.QaOutcomeOn, s.FeedbackPoints.OrderBy(p => p.Number).Select(p => new FeedbackPointView(p.Id, p.Number, p.Text, p.AddressedAtUtc)).ToList());
}
