using Domain;
using Domain.Audit;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Submissions;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Process;
using Workflows.Submissions;

namespace Portal.Integration.Tests;

/// Submission to the Home Office, the QA outcome with its feedback points, the resubmission loop and publication,
/// on a real database of each provider.
public abstract class SubmissionTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private DateOnly Today => London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);

    private SubmissionCommands Commands => Portal.Get<SubmissionCommands>();

    private Task<Review> ReviewAsync(int id) => Portal.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == id));

    private Task<List<HomeOfficeSubmission>> SubmissionsAsync(int id) =>
        Portal.WithDbAsync(db => db.HomeOfficeSubmissions.Include(s => s.FeedbackPoints).Where(s => s.ReviewId == id).OrderBy(s => s.Number).ToListAsync());

    private async Task<Result<TransitionResult>> SubmitAsync(int id, SubmissionChecklist? checklist = null, string? key = null, string who = DemoAccounts.LrOfficer)
    {
        var review = await ReviewAsync(id);
        return await Commands.SubmitAsync(await Portal.ActorAsync(who), id, new SubmissionInput(checklist ?? SubmissionChecklist.All(true) with
        {
            OverviewReport = new ChecklistItem(true, 12),
        }, Today, Today), review.Version, key ?? Guid.NewGuid().ToString());
    }

    private async Task<Result<TransitionResult>> QaAsync(int id, QaOutcome outcome, IReadOnlyList<string> points, string? comment = null) =>
        await Commands.RecordQaOutcomeAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), id, new QaOutcomeInput(outcome, Today, points, comment),
            (await ReviewAsync(id)).Version, Guid.NewGuid().ToString());

    private async Task<Result<TransitionResult>> PublishAsync(int id, string link) =>
        await Commands.PublishAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), id, new PublicationInput(Today, link), (await ReviewAsync(id)).Version,
            Guid.NewGuid().ToString());

    private async Task<Result<TransitionResult>> AmendmentsMadeAsync(int id) =>
        await Portal.Get<WorkflowEngine>().FireAsync(id, TriggerArgs.For(Trigger.RecordAmendmentsMade), await Portal.ActorAsync(DemoAccounts.LrOfficer), Guid.NewGuid().ToString());

    [Fact]
    public async Task Submit_WithTheChecklist_RecordsADatedSubmissionAndMovesOn_OnceForARepeatedKey()
    {
        var id = await Portal.ReviewAtSignOffAsync(Today, signedOff: true);
        var key = Guid.NewGuid().ToString();

        var first = await SubmitAsync(id, key: key);
        var again = await SubmitAsync(id, key: key);

        Assert.True(first.IsSuccess, first.Error?.Message);
        Assert.True(again.Value.Repeated);
        Assert.Equal(Stage.Submitted, (await ReviewAsync(id)).Stage);
        var submission = Assert.Single(await SubmissionsAsync(id));
        Assert.Equal((1, Today, (DateOnly?)Today, 12L), (submission.Number, submission.SubmittedOn, submission.CommissionerCopyOn, submission.OverviewReportDocumentId!.Value));
        Assert.True(submission.ExecutiveSummary && submission.ActionPlan && submission.DataCollectionForm);
    }

    [Fact]
    public async Task AmendmentsAskedForAfterSignOff_BlockSubmission_UntilRecordedAsMade_EachJournaledWithItsDate()
    {
        var id = await Portal.ReviewAtSignOffAsync(Today, signedOff: true);
        var engine = Portal.Get<WorkflowEngine>();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        Task<Result<TransitionResult>> FireAsync(TriggerArgs args) => engine.FireAsync(id, args, officer, Guid.NewGuid().ToString());

        // Without what was asked, or dated before the sign-off: refused beside the field, nothing saved.
        var version = (await ReviewAsync(id)).Version;
        var noReason = Assert.IsType<ValidationFailed>((await FireAsync(new RecordAmendmentsAfterSignOffArgs())).Error).Errors.Single();
        Assert.Equal(("Comment", "Say what was asked to change, and by whom."), (noReason.Field, noReason.Message));
        var early = Assert.IsType<ValidationFailed>((await FireAsync(new RecordAmendmentsAfterSignOffArgs { Comment = "Chair: correct page 4.", Date = Today.AddDays(-1) })).Error);
        Assert.Equal($"The date cannot be before the step before it (Record CRG sign-off, {UkDate.Format(Today)}): check it.", early.Errors.Single().Message);
        Assert.Equal(version, (await ReviewAsync(id)).Version);

        Assert.True((await FireAsync(new RecordAmendmentsAfterSignOffArgs { Comment = "Chair: correct page 4." })).IsSuccess);
        var blocked = Assert.IsType<ActionUnavailable>((await SubmitAsync(id)).Error);
        Assert.Equal(["Amendments asked for after sign-off are not made yet: record that they are made first."], blocked.Reasons);
        Assert.Empty(await SubmissionsAsync(id));
        Assert.Equal((Stage.CrgSignOff, (DateOnly?)Today), ((await ReviewAsync(id)).Stage, (await ReviewAsync(id)).SignOffAmendmentsAskedOn));
        Assert.Equal(WorkItemStatus.Open, await Portal.WithDbAsync(db => db.WorkItems.Where(w => w.ReviewId == id && w.Kind == WorkItemKind.MakeSignOffAmendments)
            .Select(w => w.Status).SingleAsync()));

        Assert.True((await FireAsync(new RecordSignOffAmendmentsMadeArgs())).IsSuccess);
        var submitted = await SubmitAsync(id);
        Assert.True(submitted.IsSuccess, submitted.Error?.Message);

        var journal = await Portal.WithDbAsync(db => db.JournalEntries.Where(j => j.ReviewId == id && j.Trigger != null).OrderBy(j => j.Id)
            .Select(j => new { j.Trigger, j.OccurredOn, j.Comment }).ToListAsync());
        Assert.Equal([Trigger.RecordSignedOff, Trigger.RecordAmendmentsAfterSignOff, Trigger.RecordSignOffAmendmentsMade, Trigger.SubmitToHomeOffice],
            journal.TakeLast(4).Select(j => j.Trigger!.Value));
        Assert.Equal("Chair: correct page 4.", journal[^3].Comment);
        Assert.Equal(WorkItemStatus.Completed, await Portal.WithDbAsync(db => db.WorkItems.Where(w => w.ReviewId == id && w.Kind == WorkItemKind.MakeSignOffAmendments)
            .Select(w => w.Status).SingleAsync()));
    }

    [Fact]
    public async Task Submit_ChecklistIncompleteOrNotSignedOff_SaysWhatIsMissingAndSavesNothing()
    {
        var id = await Portal.ReviewAtSignOffAsync(Today, signedOff: true);
        var version = (await ReviewAsync(id)).Version;

        var missing = await SubmitAsync(id, SubmissionChecklist.All(true) with { ActionPlan = new ChecklistItem(false) });
        var future = await Commands.SubmitAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), id,
            new SubmissionInput(SubmissionChecklist.All(true), Today.AddDays(1), Today.AddDays(-1)), version, Guid.NewGuid().ToString());

        Assert.Contains("tick the action plan", missing.Error!.Message, StringComparison.Ordinal);
        var fields = Assert.IsType<ValidationFailed>(future.Error).Errors.Select(e => e.Field).ToList();
        Assert.Equal(["SubmittedOn", "CommissionerCopyOn"], fields);
        Assert.Empty(await SubmissionsAsync(id));
        Assert.Equal((Stage.CrgSignOff, version), ((await ReviewAsync(id)).Stage, (await ReviewAsync(id)).Version));

        var notSignedOff = await Portal.ReviewAtSignOffAsync(Today, signedOff: false);
        var refused = await SubmitAsync(notSignedOff);
        Assert.Contains("has not signed off", refused.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(await SubmissionsAsync(notSignedOff));
    }

    [Fact]
    public async Task QaSubjectToAmendments_AmendmentsMadeOnlyOnceEveryPointIsTicked_ThenPublished()
    {
        var id = await Portal.ReviewAtSignOffAsync(Today, signedOff: true);
        Assert.True((await SubmitAsync(id)).IsSuccess);

        var qa = await QaAsync(id, QaOutcome.ApprovedSubjectToAmendments, ["Anonymise the GP practice.", "Add the national recommendation."]);

        Assert.True(qa.IsSuccess, qa.Error?.Message);
        Assert.Equal((Stage.QaAmendments, 2), ((await ReviewAsync(id)).Stage, (await ReviewAsync(id)).QaPointsOutstanding));
        var points = (await SubmissionsAsync(id))[0].FeedbackPoints.OrderBy(p => p.Number).ToList();
        Assert.Equal(["Anonymise the GP practice.", "Add the national recommendation."], points.Select(p => p.Text));

        var blocked = await AmendmentsMadeAsync(id);
        Assert.Contains("Tick every QA feedback point as addressed first (2 still open).", blocked.Error!.Message, StringComparison.Ordinal);
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        Assert.Equal(1, (await Commands.SetPointAddressedAsync(officer, points[0].Id, true)).Value);
        Assert.Contains("Tick the last QA feedback point", (await AmendmentsMadeAsync(id)).Error!.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await Commands.SetPointAddressedAsync(officer, points[1].Id, true)).Value);
        Assert.IsType<AccessRefused>((await Commands.SetPointAddressedAsync(await Portal.ActorAsync(DemoAccounts.KentOfficer), points[1].Id, false)).Error);

        Assert.True((await AmendmentsMadeAsync(id)).IsSuccess);
        Assert.Equal(Stage.Publication, (await ReviewAsync(id)).Stage);

        var http = await PublishAsync(id, "http://www.rutland.gov.uk/dardr");
        Assert.Equal("PublicationLink", Assert.Single(Assert.IsType<ValidationFailed>(http.Error).Errors).Field);
        Assert.Equal(Stage.Publication, (await ReviewAsync(id)).Stage);
        Assert.True((await PublishAsync(id, "https://www.rutland.gov.uk/dardr")).IsSuccess);
        var published = await ReviewAsync(id);
        Assert.Equal((Stage.ActionPlanMonitoring, Today), (published.Stage, published.PublishedOn));
        var section = (await Portal.Get<SubmissionQuery>().HandleAsync(officer, id)).Value;
        Assert.Equal("https://www.rutland.gov.uk/dardr", Assert.Single(section.PublicationLinks).Url);
    }

    [Fact]
    public async Task QaOutcome_OfASubmissionRecordedWithoutTheChecklist_AddsItsRowAndPoints()
    {
        var id = await Portal.ReviewAtSignOffAsync(Today, signedOff: true);
        await Portal.FireOkAsync(id, Trigger.SubmitToHomeOffice);

        var qa = await QaAsync(id, QaOutcome.ApprovedSubjectToAmendments, ["Anonymise the GP practice."]);

        Assert.True(qa.IsSuccess, qa.Error?.Message);
        var submission = Assert.Single(await SubmissionsAsync(id));
        Assert.Equal((1, Today, (DateOnly?)null, 1), (submission.Number, submission.SubmittedOn, submission.CommissionerCopyOn, submission.FeedbackPoints.Count));
        Assert.Equal(1, (await ReviewAsync(id)).QaPointsOutstanding);
    }

    [Fact]
    public async Task QaSubjectToAmendments_WithoutPoints_SavesNothing()
    {
        var id = await Portal.ReviewAtSignOffAsync(Today, signedOff: true);
        Assert.True((await SubmitAsync(id)).IsSuccess);

        var result = await QaAsync(id, QaOutcome.ApprovedSubjectToAmendments, ["  "]);

        Assert.Equal("Points", Assert.Single(Assert.IsType<ValidationFailed>(result.Error).Errors).Field);
        Assert.Equal(Stage.Submitted, (await ReviewAsync(id)).Stage);
        Assert.Null((await SubmissionsAsync(id))[0].QaOutcome);
    }

    [Fact]
    public async Task QaResubmit_LoopsBackThroughSignOff_AndASecondSubmissionIsRecorded()
    {
        var id = await Portal.ReviewAtSignOffAsync(Today, signedOff: true);
        Assert.True((await SubmitAsync(id)).IsSuccess);

        var resubmit = await QaAsync(id, QaOutcome.Resubmit, ["Chronology incomplete."], "The panel found the report inadequate.");
        Assert.True(resubmit.IsSuccess, resubmit.Error?.Message);
        var back = await ReviewAsync(id);
        Assert.Equal((Stage.PanelAndReport, (DateOnly?)null, 0), (back.Stage, back.SignedOffOn, back.QaPointsOutstanding));
        Assert.IsType<ActionUnavailable>((await SubmitAsync(id)).Error);

        await Portal.FireOkAsync(id, Trigger.SubmitForSignOff);
        await Portal.FireOkAsync(id, Trigger.RecordSignedOff);
        Assert.True((await SubmitAsync(id)).IsSuccess);

        var submissions = await SubmissionsAsync(id);
        Assert.Equal([1, 2], submissions.Select(s => s.Number));
        Assert.Equal(QaOutcome.Resubmit, submissions[0].QaOutcome);
        Assert.Null(submissions[1].QaOutcome);
        Assert.All(submissions, s => Assert.Equal(Today, s.SubmittedOn));
        Assert.Equal(Stage.Submitted, (await ReviewAsync(id)).Stage);
        Assert.True((await QaAsync(id, QaOutcome.Approved, [])).IsSuccess);
        Assert.Equal(Stage.Publication, (await ReviewAsync(id)).Stage);
    }

    [Fact]
    public async Task Publish_WhileFamilyConsentIsWithdrawn_IsBlockedWithTheReason()
    {
        var id = await Portal.ReviewAtSignOffAsync(Today, signedOff: true);
        Assert.True((await SubmitAsync(id)).IsSuccess);
        Assert.True((await QaAsync(id, QaOutcome.Approved, [])).IsSuccess);
        await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.FamilyConsentWithdrawn, true)));

        var result = await PublishAsync(id, "https://www.rutland.gov.uk/dardr");

        Assert.Contains("the family has withdrawn consent", result.Error!.Message, StringComparison.Ordinal);
        var section = await Portal.Get<SubmissionQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), id);
        Assert.False(section.Value.Actions[Trigger.RecordPublished].IsAvailable);
        Assert.Null((await ReviewAsync(id)).PublishedOn);
    }

    [Theory]
    [InlineData(DemoAccounts.KentOfficer)]
    [InlineData(DemoAccounts.LrManager)]
    [InlineData(DemoAccounts.CrgMember)]
    public async Task Submit_NotAnOfficerOfTheLeadOffice_RefusedAndAudited(string who)
    {
        var id = await Portal.ReviewAtSignOffAsync(Today, signedOff: true);
        var actor = await Portal.ActorAsync(who);

        var result = await SubmitAsync(id, who: who);

        Assert.IsType<AccessRefused>(result.Error);
        Assert.Empty(await SubmissionsAsync(id));
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == actor.UserId && a.Action == AuditAction.Refused && a.SubjectId == id.ToString())));
    }
}

public sealed class SubmissionSqliteTests(SqliteFixture fixture) : SubmissionTests(fixture), IClassFixture<SqliteFixture>;

public sealed class SubmissionPostgresTests(PostgresFixture fixture) : SubmissionTests(fixture), IClassFixture<PostgresFixture>;
