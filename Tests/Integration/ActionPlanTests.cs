using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Domain;
using Domain.ActionPlans;
using Domain.Audit;
using Domain.Calendar;
using Domain.Documents;
using Domain.Email;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows;
using Workflows.ActionPlans;
using Workflows.Import;
using Workflows.Documents;
using Workflows.Process;
using Workflows.Reports;
using Workflows.Reminders;
using Workflows.Email;
using Workflows.Spreadsheets;
using static Portal.Testing.ActionPlanScenario;

namespace Portal.Integration.Tests;

/// Recommendations and action plans (issue 6) through the handlers the pages call, on a real database of each provider.
public abstract class ActionPlanTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private Task<PlanAction> ActionRowAsync(long id) => Portal.WithDbAsync(db => db.PlanActions.AsNoTracking().SingleAsync(a => a.Id == id));

    private Task<int> RefusalsAsync(string email) =>
        Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserEmail == email && a.Action == AuditAction.Refused));

    [Fact]
    public async Task Owner_PostsUpdateWithEvidence_CompletesIt_OfficerSignsOff_ImpactReviewPlannedTwelveMonthsOn()
    {
        var reviewId = await ReviewAtSignOffAsync(Portal);
        var recommendation = await RecommendationAsync(Portal, reviewId);
        var actionId = await ActionAsync(Portal, reviewId, recommendation);
        var contact = await Portal.ActorAsync(DemoAccounts.AgencyContact);
        var task = (await ActionRowAsync(actionId)).WorkItemId;
        var item = await Portal.WithDbAsync(db => db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == task));
        Assert.Equal((WorkItemKind.DeliverAction, await AgencyIdAsync(Portal), contact.UserId, WorkItemStatus.Open),
            (item.Kind, item.AgencyId, item.CandidateUserId, item.Status));
        Assert.Equal("Action R1.1 of the action plan", item.Title);

        var updated = await Portal.Get<PostActionUpdateHandler>().HandleAsync(contact, actionId,
            new ActionUpdateInput("Training booked for March.", ActionStatus.OnTrack, [new EvidenceFile(new MemoryStream(Docx()), "training-plan.docx")], AsAt: Today(Portal)));
        Assert.True(updated.IsSuccess, updated.Error?.Message);
        await CompleteAsync(Portal, actionId);

        var detail = (await Portal.Get<ActionPlanQuery>().ForActionAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), actionId, recordView: true)).Value;
        Assert.Equal(ActionDisplayStatus.Completed, detail.Status);
        Assert.True(detail.CanDecide);
        var evidence = Assert.Single(detail.Evidence);
        Assert.Equal(".docx", evidence.Extension);
        var document = await Portal.WithDbAsync(db => db.Documents.AsNoTracking().SingleAsync(d => d.OwnerKey == $"action:{actionId}"));
        Assert.Equal((DocumentKind.ActionEvidence, reviewId), (document.Kind, document.ReviewId));
        Assert.Equal([ActionUpdateKind.Progress, ActionUpdateKind.Progress], detail.History.Select(h => h.Kind));
        Assert.Equal(WorkItemStatus.Completed, await Portal.WithDbAsync(db => db.WorkItems.Where(w => w.Id == task).Select(w => w.Status).SingleAsync()));

        // Lead office staff and the owning agency's contacts download the evidence.
        foreach (var who in new[] { DemoAccounts.LrOfficer, DemoAccounts.LrManager, DemoAccounts.AgencyContact })
        {
            var download = await Portal.Get<DownloadDocumentHandler>().DownloadAsync(await Portal.ActorAsync(who), evidence.VersionId);
            Assert.True(download.IsSuccess, $"{who}: {download.Error?.Message}");
            await download.Value.Content.DisposeAsync();
        }

        var signedOff = await Portal.Get<DecideActionHandler>().SignOffAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), actionId, null, detail.Version);

        Assert.True(signedOff.IsSuccess, signedOff.Error?.Message);
        var action = await ActionRowAsync(actionId);
        Assert.Equal(ActionStatus.SignedOff, action.Status);
        Assert.Equal(Today(Portal), action.SignedOffOn);
        Assert.Equal(Today(Portal).AddMonths(12), action.ImpactReviewDueOn);
        Assert.False((await Portal.Get<ActionPlanQuery>().ForActionAsync(contact, actionId, false)).Value.CanUpdate);
        var again = await Portal.Get<DecideActionHandler>().SignOffAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), actionId, null);
        Assert.Equal("This action is already signed off.", again.Error?.Message);
    }

    [Fact]
    public async Task Officer_ReturnsACompletedAction_WithAReason_OpenAgainWithANewTaskAndTheOwnerIsEmailed()
    {
        var reviewId = await ReviewAtSignOffAsync(Portal);
        var actionId = await ActionAsync(Portal, reviewId, await RecommendationAsync(Portal, reviewId));
        await CompleteAsync(Portal, actionId);
        var firstTask = (await ActionRowAsync(actionId)).WorkItemId;
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);

        var noReason = await Portal.Get<DecideActionHandler>().ReturnAsync(officer, actionId, "  ");
        var returned = await Portal.Get<DecideActionHandler>().ReturnAsync(officer, actionId, "Send the training register as evidence.");

        Assert.Equal("Reason", Assert.Single(Assert.IsType<ValidationFailed>(noReason.Error).Errors).Field);
        Assert.True(returned.IsSuccess, returned.Error?.Message);
        var action = await ActionRowAsync(actionId);
        Assert.Equal((ActionStatus.OnTrack, "Send the training register as evidence.", (DateOnly?)null), (action.Status, action.ReturnReason, action.CompletedOn));
        Assert.NotEqual(firstTask, action.WorkItemId);
        Assert.Equal(WorkItemStatus.Open, await Portal.WithDbAsync(db => db.WorkItems.Where(w => w.Id == action.WorkItemId).Select(w => w.Status).SingleAsync()));
        var mail = await Portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Reason == ActionPlanEmails.Returned && m.ReviewId == reviewId));
        Assert.Equal(DemoAccounts.AgencyContact, mail.RecipientAddress);
        // The officer's words stay in the portal: an email carries labels, references and a link, never free text.
        Assert.DoesNotContain("training register", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("training register", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("reason is on the action's page", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/actions/{actionId}", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Priya", mail.TextBody, StringComparison.Ordinal);
        Assert.True((await Portal.Get<ActionPlanQuery>().ForActionAsync(await Portal.ActorAsync(DemoAccounts.AgencyContact), actionId, false)).Value.CanUpdate);
    }

    [Fact]
    public async Task BadInput_EachBadFieldHasAMessage_AndNothingIsSaved()
    {
        var reviewId = await ReviewAtSignOffAsync(Portal);
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var badRecommendation = await Portal.Get<RecordRecommendationHandler>().HandleAsync(officer, reviewId,
            new RecommendationInput(" ", RecommendationLevel.SingleAgency, null, null, [9999]));
        Assert.Equal(["Text", "AddressedToAgencyId", "ThemeIds"], Assert.IsType<ValidationFailed>(badRecommendation.Error).Errors.Select(e => e.Field));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.Recommendations.CountAsync(r => r.ReviewId == reviewId)));

        var recommendation = await RecommendationAsync(Portal, reviewId);
        var kentContact = await UserIdAsync(Portal, await OtherAgencyContactAsync(Portal));
        var badAction = await Portal.Get<AddActionHandler>().HandleAsync(officer, reviewId,
            new ActionInput(recommendation, "", await AgencyIdAsync(Portal), kentContact, Today(Portal).AddDays(-1), null, Today(Portal).AddDays(1)));
        Assert.Equal(["What", "DueDate", "SuccessMeasure", "OwnerUserId", "AgreedOn"], Assert.IsType<ValidationFailed>(badAction.Error).Errors.Select(e => e.Field));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.PlanActions.CountAsync(a => a.ReviewId == reviewId)));

        var actionId = await ActionAsync(Portal, reviewId, recommendation);
        var contact = await Portal.ActorAsync(DemoAccounts.AgencyContact);
        var notAFile = new EvidenceFile(new MemoryStream("not a document"u8.ToArray()), "evidence.docx");
        var badUpdate = await Portal.Get<PostActionUpdateHandler>().HandleAsync(contact, actionId, new ActionUpdateInput("", ActionStatus.SignedOff, [notAFile],
            AsAt: Today(Portal).AddDays(-1)));
        Assert.Equal(["Text", "Status", "AsAt", "Evidence"], Assert.IsType<ValidationFailed>(badUpdate.Error).Errors.Select(e => e.Field));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.ActionUpdates.CountAsync(u => u.ActionId == actionId)));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.Documents.CountAsync(d => d.OwnerKey == $"action:{actionId}")));
        Assert.Equal(ActionStatus.NotStarted, (await ActionRowAsync(actionId)).Status);

        var notAsked = await Portal.Get<AnswerImpactReviewHandler>().HandleAsync(contact, actionId, ImpactOutcome.Confirmed, "Still in place.");
        Assert.Equal("The impact review of this action has not been asked for yet.", notAsked.Error?.Message);
        var notCompleted = await Portal.Get<DecideActionHandler>().SignOffAsync(officer, actionId, null);
        Assert.Equal("Only an action its owner reported completed can be signed off or returned.", notCompleted.Error?.Message);
    }

    /// A date box cleared on the add, update or re-plan form (the page sends no date) is refused beside it: before, the
    /// handlers took it for today and saved.
    [Fact]
    public async Task ClearedDateBoxes_AreRefusedBesideTheField_NotTakenForToday_AndNothingIsSaved()
    {
        var reviewId = await ReviewAtSignOffAsync(Portal);
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var recommendation = await RecommendationAsync(Portal, reviewId);

        var add = await Portal.Get<AddActionHandler>().HandleAsync(officer, reviewId, new ActionInput(recommendation, "Train response officers.",
            await AgencyIdAsync(Portal), await UserIdAsync(Portal, DemoAccounts.AgencyContact), Today(Portal).AddDays(30), "All trained.", AgreedOn: null));
        Assert.Equal(new Domain.Error("Enter the date the action was agreed.", "AgreedOn"), Assert.Single(Assert.IsType<ValidationFailed>(add.Error).Errors));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.PlanActions.CountAsync(a => a.ReviewId == reviewId)));

        var actionId = await ActionAsync(Portal, reviewId, recommendation);
        var update = await Portal.Get<PostActionUpdateHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.AgencyContact), actionId,
            new ActionUpdateInput("Course booked.", ActionStatus.OnTrack, [], AsAt: null));
        Assert.Equal(new Domain.Error("Enter the date the update describes the action as at.", "AsAt"), Assert.Single(Assert.IsType<ValidationFailed>(update.Error).Errors));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.ActionUpdates.CountAsync(u => u.ActionId == actionId)));

        var detail = (await Portal.Get<ActionPlanQuery>().ForActionAsync(officer, actionId, false)).Value;
        var replan = await Portal.Get<ReplanActionHandler>().HandleAsync(officer, actionId,
            new ActionReplan(detail.What, detail.OwnerAgencyId, detail.OwnerUserId, detail.DueDate.AddDays(30), "The trainer is off sick.", AgreedOn: null), detail.Version);
        Assert.Equal(new Domain.Error("Enter the date the change was agreed.", "AgreedOn"), Assert.Single(Assert.IsType<ValidationFailed>(replan.Error).Errors));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.ActionChanges.CountAsync(c => c.ActionId == actionId)));
        Assert.Equal(detail.DueDate, (await ActionRowAsync(actionId)).DueDate);
    }

    [Fact]
    public async Task Replan_AnOverdueAction_HistoryKept_TaskAndRemindersFollow_OthersRefusedAndAudited_BadInputSavesNothing()
    {
        var reviewId = await ReviewAtSignOffAsync(Portal);
        var actionId = await ActionAsync(Portal, reviewId, await RecommendationAsync(Portal, reviewId));
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var task = (await ActionRowAsync(actionId)).WorkItemId!.Value;
        var oldDue = Today(Portal).AddDays(-10);
        await Portal.WithDbAsync(db => db.PlanActions.Where(a => a.Id == actionId).ExecuteUpdateAsync(s => s.SetProperty(a => a.DueDate, oldDue)));
        await Portal.WithDbAsync(db => db.WorkItems.Where(w => w.Id == task).ExecuteUpdateAsync(s => s.SetProperty(w => w.DueDate, oldDue)));
        await Portal.Get<ReminderScan>().RunAsync();
        Task<List<OutboxMessage>> MessagesAsync() => Portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.OccurrenceKey.StartsWith($"workitem:{task}:")).OrderBy(m => m.Id).ToListAsync());
        var escalations = (await MessagesAsync()).Where(m => m.Reason == EmailReasons.OverdueEscalation).Select(m => m.Id).ToList();
        Assert.NotEmpty(escalations);
        Assert.All(await MessagesAsync(), m => Assert.EndsWith($":{oldDue:yyyy-MM-dd}", m.OccurrenceKey, StringComparison.Ordinal));
        var detail = (await Portal.Get<ActionPlanQuery>().ForActionAsync(officer, actionId, false)).Value;
        Assert.Equal(ActionDisplayStatus.Overdue, detail.Status);
        Assert.True(detail.CanReplan);
        var kentEmail = await OtherAgencyContactAsync(Portal);
        var kent = await UserIdAsync(Portal, kentEmail);
        var kentPolice = await AgencyIdAsync(Portal, "Kent Police");
        var newDue = Today(Portal).AddDays(7);
        var replan = new ActionReplan(detail.What, kentPolice, kent, newDue, "Kent Police now lead the training; the course runs next week.", Today(Portal));
        Task<int> ChangesAsync() => Portal.WithDbAsync(db => db.ActionChanges.CountAsync(c => c.ActionId == actionId));

        // Bad input: a new date without a reason, empty wording, a date in the past: each beside its field, nothing saved.
        var bad = await Portal.Get<ReplanActionHandler>().HandleAsync(officer, actionId, replan with { Reason = " " }, detail.Version);
        Assert.Equal(["Reason"], Assert.IsType<ValidationFailed>(bad.Error).Errors.Select(e => e.Field));
        bad = await Portal.Get<ReplanActionHandler>().HandleAsync(officer, actionId, replan with { What = "", DueDate = Today(Portal).AddDays(-1) }, detail.Version);
        Assert.Equal(["What", "DueDate"], Assert.IsType<ValidationFailed>(bad.Error).Errors.Select(e => e.Field));
        Assert.Equal(0, await ChangesAsync());
        var unchanged = await ActionRowAsync(actionId);
        Assert.Equal((oldDue, detail.Version, detail.What), (unchanged.DueDate, unchanged.Version, unchanged.What));

        // Another office's officer, the lead office's manager and the owner may not re-plan; each refusal is audited.
        foreach (var who in new[] { DemoAccounts.KentOfficer, DemoAccounts.LrManager, DemoAccounts.AgencyContact })
        {
            var before = await RefusalsAsync(who);
            Assert.IsType<AccessRefused>((await Portal.Get<ReplanActionHandler>().HandleAsync(await Portal.ActorAsync(who), actionId, replan, null)).Error);
            Assert.Equal(before + 1, await RefusalsAsync(who));
        }

        var done = await Portal.Get<ReplanActionHandler>().HandleAsync(officer, actionId, replan, detail.Version);

        Assert.True(done.IsSuccess, done.Error?.Message);
        var after = (await Portal.Get<ActionPlanQuery>().ForActionAsync(officer, actionId, false)).Value;
        Assert.Equal((ActionDisplayStatus.NotStarted, newDue, "Kent Police", "Kim Kent"), (after.Status, after.DueDate, after.OwnerAgency, after.OwnerName));
        Assert.Equal(
            [
                (ActionChangeField.Owner, "Leicestershire Police (Priya Police)", "Kent Police (Kim Kent)"),
                (ActionChangeField.DueDate, Domain.Calendar.UkDate.Format(oldDue), Domain.Calendar.UkDate.Format(newDue)),
            ],
            after.Changes.OrderBy(c => c.Field).Select(c => (c.Field, c.OldValue, c.NewValue)));
        Assert.All(after.Changes, c => Assert.Equal("Kent Police now lead the training; the course runs next week.", c.Reason));
        var item = await Portal.WithDbAsync(db => db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == task));
        Assert.Equal((newDue, kentPolice, kent, WorkItemStatus.Open), (item.DueDate, item.AgencyId, item.CandidateUserId, item.Status));
        var audit = await Portal.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .SingleAsync(a => a.SubjectId == actionId.ToString() && a.Detail!.StartsWith("re-planned")));
        Assert.Equal((AuditAction.Changed, DemoAccounts.LrOfficer), (audit.Action, audit.UserEmail));
        Assert.DoesNotContain("Kent Police now lead", audit.Detail, StringComparison.Ordinal);

        // The new owner may update it now, the old one no longer sees it; the stale page gets "changed meanwhile".
        Assert.True((await Portal.Get<ActionPlanQuery>().ForActionAsync(await Portal.ActorAsync(kentEmail), actionId, false)).Value.CanUpdate);
        Assert.IsType<AccessRefused>((await Portal.Get<ActionPlanQuery>().ForActionAsync(await Portal.ActorAsync(DemoAccounts.AgencyContact), actionId, false)).Error);
        var stale = await Portal.Get<ReplanActionHandler>().HandleAsync(officer, actionId, replan with { DueDate = newDue.AddDays(7) }, detail.Version);
        Assert.IsType<Conflict>(stale.Error);
        Assert.Equal(2, await ChangesAsync());

        // The next scan cancels the old date's escalation that had not gone out, and starts the ladder of the new date:
        // the new owner's reminder a week before it.
        await Portal.Get<ReminderScan>().RunAsync();
        var messages = await MessagesAsync();
        Assert.All(messages.Where(m => escalations.Contains(m.Id)), m => Assert.Equal(OutboxStatus.Cancelled, m.Status));
        var reminder = Assert.Single(messages, m => m.Status == OutboxStatus.Pending);
        Assert.Equal((EmailReasons.Reminder, kentEmail), (reminder.Reason, reminder.RecipientAddress));
        Assert.EndsWith($":{newDue:yyyy-MM-dd}", reminder.OccurrenceKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BoardAppendix_OutstandingActionsByReviewAndOwner_LatestUpdate_ChangedSince_AsAtAPastDate_NeedToKnow()
    {
        var reviewId = await ReviewAtSignOffAsync(Portal, notifiedDaysAgo: 200);
        var reference = await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Reference).SingleAsync());
        var recommendation = await RecommendationAsync(Portal, reviewId);
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var police = await Portal.ActorAsync(DemoAccounts.AgencyContact);
        var today = Today(Portal);

        // Everything is typed in today, dated as it happened (the entered dates are the facts): the police action agreed
        // five months ago, updated 140 and 45 days ago ("on track"), re-planned 10 days ago, updated today ("at risk").
        var old = await ActionAsync(Portal, reviewId, recommendation, agreedOn: today.AddDays(-150));
        async Task UpdateAsync(string text, ActionStatus status, int daysAgo) =>
            Assert.True((await Portal.Get<PostActionUpdateHandler>().HandleAsync(police, old,
                new ActionUpdateInput(text, status, [], AsAt: today.AddDays(-daysAgo)))).IsSuccess);
        await UpdateAsync("Course booked.", ActionStatus.OnTrack, 140);
        await UpdateAsync("Trainer confirmed.", ActionStatus.OnTrack, 45);
        var oldDue = (await ActionRowAsync(old)).DueDate;
        var detail = (await Portal.Get<ActionPlanQuery>().ForActionAsync(officer, old, false)).Value;
        Assert.True((await Portal.Get<ReplanActionHandler>().HandleAsync(officer, old,
            new ActionReplan(detail.What, detail.OwnerAgencyId, detail.OwnerUserId, oldDue.AddDays(60), "Trainer off sick.", today.AddDays(-10)), detail.Version)).IsSuccess);
        await UpdateAsync("Half the course postponed.", ActionStatus.AtRisk, 0);
        // Kent Police's action is new today; a signed-off action is not outstanding.
        var kentEmail = await OtherAgencyContactAsync(Portal);
        var kentAction = await ActionAsync(Portal, reviewId, recommendation, kentEmail, "Kent Police");
        var done = await ActionAsync(Portal, reviewId, recommendation);
        await CompleteAsync(Portal, done);
        Assert.True((await Portal.Get<DecideActionHandler>().SignOffAsync(officer, done, null)).IsSuccess);
        var rutland = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Rutland CSP").Select(o => o.Id).SingleAsync());
        var board = await Portal.ActorAsync(DemoAccounts.BoardMember);

        var appendix = await Portal.Get<BoardActionsQuery>().HandleAsync(board, rutland, today);

        Assert.True(appendix.IsSuccess, appendix.Error?.Message);
        Assert.Equal(today.AddMonths(-3), appendix.Value.Since);
        var rows = appendix.Value.Actions.Where(a => a.Reference == reference).ToList();
        Assert.Equal([("Kent Police", "R1.2"), ("Leicestershire Police", "R1.1")], rows.Select(r => (r.OwnerAgency, r.Label)));
        Assert.Equal(["New action"], rows[0].ChangedSince);
        Assert.Equal((ActionDisplayStatus.AtRisk, oldDue.AddDays(60), today, "Half the course postponed."),
            (rows[1].Status, rows[1].DueDate, rows[1].LatestUpdateOn, rows[1].LatestUpdate));
        Assert.Equal([$"Due date moved from {UkDate.Format(oldDue)} to {UkDate.Format(oldDue.AddDays(60))}: Trainer off sick.", "Status On track to At risk", "2 updates"],
            rows[1].ChangedSince);
        // Pseudonymised: the case label and reference, the agency; no contact's name, no real name.
        var table = BoardActionsText.Table(appendix.Value);
        Assert.Contains(table.Rows, r => r[0] == $"{rows[0].CaseLabel} ({reference})");
        Assert.DoesNotContain(table.Rows.SelectMany(r => r), c => c.Contains("Priya", StringComparison.Ordinal) || c.Contains("Kim Kent", StringComparison.Ordinal));

        // As at a month ago: the police action as it stood by the dates entered, though all of it was typed in today (on
        // track, its old due date, the update dated 45 days ago; neither the re-plan agreed 10 days ago nor today's
        // update); Kent's did not exist.
        var then = (await Portal.Get<BoardActionsQuery>().HandleAsync(board, rutland, today.AddDays(-30))).Value.Actions.Where(a => a.Reference == reference).ToList();
        var police1 = Assert.Single(then);
        Assert.Equal((ActionDisplayStatus.OnTrack, oldDue, today.AddDays(-45), "Trainer confirmed."),
            (police1.Status, police1.DueDate, police1.LatestUpdateOn, police1.LatestUpdate));
        Assert.Equal(["1 update"], police1.ChangedSince);
        // Before it was agreed it was not on the board's list, though it was typed in long after.
        Assert.DoesNotContain((await Portal.Get<BoardActionsQuery>().HandleAsync(board, rutland, today.AddDays(-151))).Value.Actions, a => a.Reference == reference);

        // Need-to-know: the board member reads the appendix but no case record or case profile; another office's officer and
        // an agency contact are refused the appendix, audited.
        Assert.IsType<AccessRefused>((await Portal.Get<Workflows.Reviews.GetReviewHandler>().HandleAsync(board, reviewId)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<Workflows.Profiles.CaseProfileQuery>().HandleAsync(board, reviewId)).Error);
        foreach (var who in new[] { DemoAccounts.KentOfficer, DemoAccounts.AgencyContact })
        {
            var before = await RefusalsAsync(who);
            Assert.IsType<AccessRefused>((await Portal.Get<BoardActionsQuery>().HandleAsync(await Portal.ActorAsync(who), rutland, today)).Error);
            Assert.Equal(before + 1, await RefusalsAsync(who));
        }

        // Agency contacts see their agency's actions only, with the latest update, on the master plan.
        async Task<IReadOnlyList<ActionPlanRow>> PlanAsync(string who) =>
            (await Portal.Get<MasterActionPlanQuery>().HandleAsync(await Portal.ActorAsync(who), new ActionPlanFilter(ReviewId: reviewId), new PageRequest())).Items;
        var policeRows = await PlanAsync(DemoAccounts.AgencyContact);
        Assert.Equal(new[] { done, old }.Order(), policeRows.Select(r => r.Id).Order());
        Assert.Equal((today, "Half the course postponed."), policeRows.Where(r => r.Id == old).Select(r => (r.LatestUpdateOn, r.LatestUpdate)).Single());
        Assert.Equal([kentAction], (await PlanAsync(kentEmail)).Select(r => r.Id));
        Assert.Equal([(string?)null], (await PlanAsync(kentEmail)).Select(r => r.LatestUpdate));
    }

    [Fact]
    public async Task Stages_RecommendationsFromPanelAndReport_ActionsFromCrgSignOff()
    {
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var early = await Portal.RegisterReviewAsync(Today(Portal).AddDays(-5));
        var tooEarly = await Portal.Get<RecordRecommendationHandler>().HandleAsync(officer, early,
            new RecommendationInput("Text", RecommendationLevel.Csp, null, null, []));
        Assert.Contains("panel and report writing or later", tooEarly.Error?.Message, StringComparison.Ordinal);

        var writing = await ReviewAtSignOffAsync(Portal);
        await FireAsync(Portal, writing, new RecordAmendmentsRequiredArgs { Comment = "Strengthen the recommendations." });
        var recommendation = await Portal.Get<RecordRecommendationHandler>().HandleAsync(officer, writing,
            new RecommendationInput("The Home Office to update the statutory guidance.", RecommendationLevel.National, null, "Home Office", []));
        Assert.True(recommendation.IsSuccess, recommendation.Error?.Message);
        var action = await Portal.Get<AddActionHandler>().HandleAsync(officer, writing,
            new ActionInput(recommendation.Value, "Write to the Home Office.", await AgencyIdAsync(Portal), await UserIdAsync(Portal, DemoAccounts.AgencyContact),
                Today(Portal).AddDays(30), "A reply.", Today(Portal)));
        Assert.Contains("starts at CRG sign-off", action.Error?.Message, StringComparison.Ordinal);
        var plan = (await Portal.Get<ActionPlanQuery>().ForReviewAsync(officer, writing)).Value;
        Assert.True(plan.CanRecordRecommendations);
        Assert.False(plan.CanRecordActions);
        Assert.Equal("Home Office", Assert.Single(plan.Recommendations).AddressedTo);
    }

    [Fact]
    public async Task NeedToKnow_EachRoleSeesOnlyItsActions_RefusalsAudited()
    {
        var reviewId = await ReviewAtSignOffAsync(Portal);
        var recommendation = await RecommendationAsync(Portal, reviewId);
        var policeAction = await ActionAsync(Portal, reviewId, recommendation);
        var kentEmail = await OtherAgencyContactAsync(Portal);
        var kentAction = await ActionAsync(Portal, reviewId, recommendation, kentEmail, "Kent Police");
        var kentUpdate = await Portal.Get<PostActionUpdateHandler>().HandleAsync(await Portal.ActorAsync(kentEmail), kentAction,
            new ActionUpdateInput("Policy drafted.", ActionStatus.OnTrack, [new EvidenceFile(new MemoryStream(Docx()), "policy.docx")], AsAt: Today(Portal)));
        Assert.True(kentUpdate.IsSuccess, kentUpdate.Error?.Message);
        var kentEvidence = await Portal.WithDbAsync(db => db.DocumentVersions.Where(v => v.Document!.OwnerKey == $"action:{kentAction}").Select(v => v.Id).SingleAsync());
        var filter = new ActionPlanFilter(ReviewId: reviewId);
        async Task<long[]> SeenByAsync(string who) =>
            (await Portal.Get<MasterActionPlanQuery>().HandleAsync(await Portal.ActorAsync(who), filter, new PageRequest())).Items.Select(r => r.Id).Order().ToArray();

        Assert.Equal([policeAction, kentAction], await SeenByAsync(DemoAccounts.LrOfficer));
        Assert.Equal([policeAction, kentAction], await SeenByAsync(DemoAccounts.Dpo));
        Assert.Equal([policeAction], await SeenByAsync(DemoAccounts.AgencyContact));
        Assert.Equal([kentAction], await SeenByAsync(kentEmail));
        foreach (var none in new[] { DemoAccounts.KentOfficer, DemoAccounts.CrgMember, DemoAccounts.BoardMember, DemoAccounts.Admin })
        {
            Assert.Empty(await SeenByAsync(none));
        }

        // The police contact cannot open, update or download the evidence of Kent Police's action; each refusal is audited.
        var police = await Portal.ActorAsync(DemoAccounts.AgencyContact);
        var before = await RefusalsAsync(DemoAccounts.AgencyContact);
        Assert.IsType<AccessRefused>((await Portal.Get<ActionPlanQuery>().ForActionAsync(police, kentAction, true)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<PostActionUpdateHandler>().HandleAsync(police, kentAction,
            new ActionUpdateInput("x", ActionStatus.OnTrack, [], AsAt: Today(Portal)))).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<DownloadDocumentHandler>().DownloadAsync(police, kentEvidence)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<ActionPlanQuery>().ForReviewAsync(police, reviewId)).Error);
        Assert.Equal(before + 4, await RefusalsAsync(DemoAccounts.AgencyContact));

        // The evidence list shows only files the reader may download: the lead office sees it, the DPO (who reads the
        // action but may not download its evidence) is shown none (issue 13, finding 10).
        Assert.Single((await Portal.Get<ActionPlanQuery>().ForActionAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), kentAction, false)).Value.Evidence);
        var dpo = await Portal.ActorAsync(DemoAccounts.Dpo);
        Assert.Empty((await Portal.Get<ActionPlanQuery>().ForActionAsync(dpo, kentAction, false)).Value.Evidence);
        Assert.IsType<AccessRefused>((await Portal.Get<DownloadDocumentHandler>().DownloadAsync(dpo, kentEvidence)).Error);

        // Another office's officer reads nothing of it; the DPO reads but cannot sign off; the manager cannot record.
        Assert.IsType<AccessRefused>((await Portal.Get<ActionPlanQuery>().ForReviewAsync(await Portal.ActorAsync(DemoAccounts.KentOfficer), reviewId)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<DownloadDocumentHandler>().DownloadAsync(await Portal.ActorAsync(DemoAccounts.KentOfficer), kentEvidence)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<AddActionHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrManager), reviewId,
            new ActionInput(recommendation, "x", null, null, null, null))).Error);
        await CompleteAsync(Portal, policeAction);
        Assert.IsType<AccessRefused>((await Portal.Get<DecideActionHandler>().SignOffAsync(await Portal.ActorAsync(DemoAccounts.Dpo), policeAction, null)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<DecideActionHandler>().SignOffAsync(police, policeAction, null)).Error);
    }

    [Fact]
    public async Task CloseReview_WaitsUntilEveryActionIsSignedOff()
    {
        var reviewId = await ReviewAtSignOffAsync(Portal, signedOff: true);
        var actionId = await ActionAsync(Portal, reviewId, await RecommendationAsync(Portal, reviewId));
        await PublishAsync(Portal, reviewId);

        var refused = await TryFireAsync(Portal, reviewId, Trigger.CloseReview);
        var panel = await Portal.Get<ReviewProcessQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), reviewId);

        Assert.Contains("1 action is not signed off yet.", Assert.IsType<ActionUnavailable>(refused.Error).Reasons);
        Assert.Contains("1 action is not signed off yet.", panel.Value.Actions.Single(a => a.Trigger == Trigger.CloseReview).Reasons);
        await CompleteAsync(Portal, actionId);
        Assert.True((await Portal.Get<DecideActionHandler>().SignOffAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), actionId, "Evidence seen.")).IsSuccess);
        await FireAsync(Portal, reviewId, Trigger.CloseReview);
        Assert.Equal(Stage.Closed, await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Stage).SingleAsync()));
    }

    [Fact]
    public async Task MasterPlan_FiltersByAgencyCspThemeStatusAndReview_SortsAndPagesInTheDatabase()
    {
        var rutland = await ReviewAtSignOffAsync(Portal);
        var charnwood = await ReviewAtSignOffAsync(Portal, csp: "Charnwood CSP");
        var themeId = await Portal.WithDbAsync(db => db.Themes.Where(t => t.Name == "Coercive control").Select(t => t.Id).SingleAsync());
        var themed = await RecommendationAsync(Portal, rutland, themeIds: themeId);
        var soon = await ActionAsync(Portal, rutland, themed, dueInDays: 10);
        var later = await ActionAsync(Portal, rutland, themed, dueInDays: 200);
        var kent = await ActionAsync(Portal, charnwood, await RecommendationAsync(Portal, charnwood, "Kent Police"), await OtherAgencyContactAsync(Portal), "Kent Police", 50);
        // Made overdue as time would: the due date passes.
        await Portal.WithDbAsync(db => db.PlanActions.Where(a => a.Id == later).ExecuteUpdateAsync(s => s.SetProperty(a => a.DueDate, Today(Portal).AddDays(-1))));
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var query = Portal.Get<MasterActionPlanQuery>();
        async Task<long[]> IdsAsync(ActionPlanFilter f, string? sort = null, bool desc = false) =>
            (await query.HandleAsync(officer, f, new PageRequest(SortBy: sort, Descending: desc))).Items.Select(r => r.Id).Where(new[] { soon, later, kent }.Contains).ToArray();

        Assert.Equal([later, soon, kent], await IdsAsync(new()));
        Assert.Equal([kent, soon, later], await IdsAsync(new(), "DueDate", desc: true));
        Assert.Equal([later], await IdsAsync(new(Status: ActionDisplayStatus.Overdue)));
        Assert.Equal([soon, kent], await IdsAsync(new(Status: ActionDisplayStatus.NotStarted)));
        Assert.Equal([kent], await IdsAsync(new(AgencyId: await AgencyIdAsync(Portal, "Kent Police"))));
        Assert.Equal([kent], await IdsAsync(new(CspId: await AgencyIdAsync(Portal, "Charnwood CSP"))));
        Assert.Equal([later, soon], await IdsAsync(new(ThemeId: themeId)));
        Assert.Equal([later, soon], await IdsAsync(new(ReviewId: rutland)));
        Assert.Equal([later, soon, kent], await IdsAsync(new(), "Status"));
        var row = (await query.HandleAsync(officer, new(ReviewId: rutland), new PageRequest(PageSize: 1))).Items.Single();
        Assert.Equal((later, ActionDisplayStatus.Overdue, "1 day overdue", "Coercive control"), (row.Id, row.Status, row.DueText, row.Themes));
        Assert.Equal(2, (await query.HandleAsync(officer, new(ReviewId: rutland), new PageRequest(PageSize: 1))).TotalCount);
    }

    [Fact]
    public async Task Exports_XlsxOpensWithClosedXmlAndHoldsTheRows_CsvEscapesFormulas_BothAudited_ContactGetsOnlyTheirAgency()
    {
        var reviewId = await ReviewAtSignOffAsync(Portal);
        var recommendation = await RecommendationAsync(Portal, reviewId);
        var police = await ActionAsync(Portal, reviewId, recommendation);
        await ActionAsync(Portal, reviewId, recommendation, await OtherAgencyContactAsync(Portal), "Kent Police");
        await Portal.WithDbAsync(db => db.PlanActions.Where(a => a.Id == police).ExecuteUpdateAsync(s => s.SetProperty(a => a.What, "=HYPERLINK(\"http://x\")")));
        var reference = await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Reference).SingleAsync());

        using var officer = await Portal.SignedInClientAsync(DemoAccounts.LrOfficer);
        using var xlsx = await officer.GetAsync(new Uri($"/actions/plan/export.xlsx?review={reviewId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        var sheet = XlsxReader.Read(new MemoryStream(bytes), TrackerFile.Limits).Value.Select(r => r.Cells).ToList();
        Assert.Equal("Reference", sheet[0][0]);
        Assert.Equal(3, sheet.Count);
        Assert.Equal(reference, sheet[1][0]);
        Assert.Contains(sheet.Skip(1), r => r[5] == "=HYPERLINK(\"http://x\")");
        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            // Written as text: no cell of the sheet holds a formula.
            Assert.Empty(document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<CellFormula>());
        }

        using var csv = await officer.GetAsync(new Uri($"/actions/plan/export.csv?review={reviewId}", UriKind.Relative));
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", text, StringComparison.Ordinal);
        Assert.Equal(3, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        using var contact = await Portal.SignedInClientAsync(DemoAccounts.AgencyContact);
        using var own = await contact.GetAsync(new Uri($"/actions/plan/export.csv?review={reviewId}", UriKind.Relative));
        var ownText = await own.Content.ReadAsStringAsync();
        Assert.Equal(2, ownText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("Kent Police", ownText, StringComparison.Ordinal);

        using var board = await Portal.SignedInClientAsync(DemoAccounts.BoardMember);
        using var refused = await board.GetAsync(new Uri("/actions/plan/export.csv", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);

        var exports = await Portal.WithDbAsync(db => db.AuditEvents.Where(a => a.Action == AuditAction.Exported && a.Subject == "ActionPlan")
            .Select(a => a.UserEmail + " " + a.Detail).ToListAsync());
        Assert.Contains(exports, e => e.StartsWith(DemoAccounts.LrOfficer + " master action plan (xlsx): 2 rows", StringComparison.Ordinal));
        Assert.Contains(exports, e => e.StartsWith(DemoAccounts.LrOfficer + " master action plan (csv): 2 rows", StringComparison.Ordinal));
        Assert.Contains(exports, e => e.StartsWith(DemoAccounts.AgencyContact + " master action plan (csv): 1 rows", StringComparison.Ordinal));
    }
}

public sealed class SqliteActionPlanTests(SqliteFixture fixture) : ActionPlanTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresActionPlanTests(PostgresFixture fixture) : ActionPlanTests(fixture), IClassFixture<PostgresFixture>;
