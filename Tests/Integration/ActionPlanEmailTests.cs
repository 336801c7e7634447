using Domain.ActionPlans;
using Domain.Workflow;
using Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows;
using Workflows.ActionPlans;
using Workflows.Email;
using Workflows.Reminders;
using static Portal.Testing.ActionPlanScenario;

namespace Portal.Integration.Tests;

/// The action plan's emails through the scan, the outbox and real SMTP (maildev), with business time moved on:
/// quarterly update requests once per owner per period across a year end, overdue escalation to the agency's senior
/// manager, and the impact review twelve months after sign-off. Each test has a portal of its own.
public sealed class ActionPlanEmailTests() : MailFixture(DatabaseProvider.Sqlite, new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero))
{
    private async Task<ActionPlanScanResult> ScanAndSendAsync(DateTimeOffset at)
    {
        Portal.Time.SetUtcNow(at);
        var result = await Portal.Get<ActionPlanScan>().RunAsync();
        await Portal.Get<OutboxDispatcher>().RunOnceAsync();
        return result;
    }

    private async Task<IReadOnlyList<MailDevEmail>> MailAsync(string to, string subjectStart) =>
        (await Mail.ForAsync(to)).Where(m => m.Subject.StartsWith(subjectStart, StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task QuarterlyUpdateRequests_OncePerOwnerPerQuarter_AcrossTheYearEnd_OnlyForOpenActions()
    {
        // An owner of the test's own: the demo's police contact owns open actions of the demo, and is asked too.
        var owner = await Portal.AddAgencyContactAsync("Leicestershire Police");
        var demoOwners = await Portal.WithDbAsync(db => db.PlanActions.Where(a => a.Status != ActionStatus.Completed && a.Status != ActionStatus.SignedOff)
            .Select(a => a.OwnerUserId).Distinct().CountAsync());
        var reviewId = await ReviewAtSignOffAsync(Portal);
        var recommendation = await RecommendationAsync(Portal, reviewId);
        var first = await ActionAsync(Portal, reviewId, recommendation, owner, dueInDays: 300);
        await ActionAsync(Portal, reviewId, recommendation, owner, dueInDays: 300);

        // 23 Nov: the actions are new since 1 Sep, so nobody is asked about that period.
        Assert.Equal(0, (await ScanAndSendAsync(new(2026, 11, 23, 11, 0, 0, TimeSpan.Zero))).UpdateRequests);
        // 1 Dec: one request for both actions; scanning again (another hour, another process) adds nothing.
        Assert.Equal(demoOwners + 1, (await ScanAndSendAsync(new(2026, 12, 1, 0, 30, 0, TimeSpan.Zero))).UpdateRequests);
        Assert.Equal(0, (await ScanAndSendAsync(new(2026, 12, 1, 1, 30, 0, TimeSpan.Zero))).UpdateRequests);
        Assert.Equal(0, (await ScanAndSendAsync(new(2026, 12, 31, 23, 30, 0, TimeSpan.Zero))).UpdateRequests);
        Assert.Equal(0, (await ScanAndSendAsync(new(2027, 1, 15, 9, 0, 0, TimeSpan.Zero))).UpdateRequests);
        await Mail.WaitForAsync(owner);
        var december = Assert.Single(await MailAsync(owner, "Please update your actions"));
        Assert.Equal("Please update your actions: 2 open actions on the review action plans", december.Subject);
        Assert.Contains("period from 1 Dec 2026", december.Text, StringComparison.Ordinal);
        Assert.Contains("/actions/ours", december.Text, StringComparison.Ordinal);

        // One action completed: the March request still goes, for the one left open.
        await CompleteAsync(Portal, first, owner);
        Assert.Equal(demoOwners + 1, (await ScanAndSendAsync(new(2027, 3, 1, 6, 0, 0, TimeSpan.Zero))).UpdateRequests);
        await Mail.WaitForAsync(owner, 2);
        var requests = await MailAsync(owner, "Please update your actions");
        Assert.Equal(2, requests.Count);
        Assert.Contains(requests, m => m.Subject == "Please update your actions: 1 open action on the review action plans");
    }

    [Fact]
    public async Task OverdueAction_GoesUpTheEscalationLadder_ToTheAgencysSeniorManager()
    {
        var senior = $"senior-{Guid.NewGuid():N}@police.example.org";
        await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Leicestershire Police").ExecuteUpdateAsync(s => s.SetProperty(o => o.EscalationEmail, senior)));
        var reviewId = await ReviewAtSignOffAsync(Portal);
        await ActionAsync(Portal, reviewId, await RecommendationAsync(Portal, reviewId), dueInDays: 3); // due Thu 26 Nov 2026
        await Mail.ClearAsync(DemoAccounts.AgencyContact);

        foreach (var day in new[] { 24, 25, 26, 27, 30 })
        {
            Portal.Time.SetUtcNow(new DateTimeOffset(2026, 11, day, 9, 0, 0, TimeSpan.Zero));
            await Portal.Get<ReminderScan>().RunAsync();
            await Portal.Get<OutboxDispatcher>().RunOnceAsync();
        }

        // The senior manager hears of the demo's overdue request too: this test's action is the one naming its review.
        var escalation = Assert.Single(await Mail.WaitForSubjectAsync(senior, $"({await ReferenceAsync(reviewId)})"));
        Assert.Equal($"Overdue: Action R1.1 of the action plan for {await CaseLabelAsync(reviewId)} ({await ReferenceAsync(reviewId)}), 1 day overdue", escalation.Subject);
        var reminders = await MailAsync(DemoAccounts.AgencyContact, "Reminder");
        Assert.NotEmpty(reminders);
        Assert.DoesNotContain("Priya", escalation.Text, StringComparison.Ordinal);
        Assert.Equal(ActionDisplayStatus.Overdue, (await Portal.Get<MasterActionPlanQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer),
            new ActionPlanFilter(ReviewId: reviewId), new PageRequest())).Items.Single().Status);
    }

    [Fact]
    public async Task ReplannedAfterItsEscalationWentOut_NoLongerOverdue_TheNewDateGetsItsOwnRemindersAndEscalation()
    {
        var senior = $"senior-{Guid.NewGuid():N}@police.example.org";
        await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Leicestershire Police").ExecuteUpdateAsync(s => s.SetProperty(o => o.EscalationEmail, senior)));
        var reviewId = await ReviewAtSignOffAsync(Portal);
        var actionId = await ActionAsync(Portal, reviewId, await RecommendationAsync(Portal, reviewId), dueInDays: 3); // due Thu 26 Nov 2026
        var reference = await ReferenceAsync(reviewId);
        async Task ScanOnAsync(int year, int month, int day)
        {
            Portal.Time.SetUtcNow(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.Zero));
            await Portal.Get<ReminderScan>().RunAsync();
            await Portal.Get<OutboxDispatcher>().RunOnceAsync();
        }

        await ScanOnAsync(2026, 11, 27);
        Assert.Single(await Mail.WaitForSubjectAsync(senior, $"({reference}), 1 day overdue"));

        // Re-planned on Monday 30 Nov to Thursday 31 Dec (a month end before the New Year bank holiday).
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var detail = (await Portal.Get<ActionPlanQuery>().ForActionAsync(officer, actionId, false)).Value;
        Portal.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        var replanned = await Portal.Get<ReplanActionHandler>().HandleAsync(officer, actionId,
            new ActionReplan(detail.What, detail.OwnerAgencyId, detail.OwnerUserId, new DateOnly(2026, 12, 31), "The course moved to December.", new DateOnly(2026, 11, 30)), detail.Version);
        Assert.True(replanned.IsSuccess, replanned.Error?.Message);
        Assert.Equal(ActionDisplayStatus.NotStarted, (await Portal.Get<ActionPlanQuery>().ForActionAsync(officer, actionId, false)).Value.Status);

        // Nothing more about it until a week before the new date; the escalation already sent does not stop the new one,
        // on the first working day after 31 Dec: Monday 4 Jan 2027.
        await Mail.ClearAsync(DemoAccounts.AgencyContact);
        foreach (var (year, month, day) in new[] { (2026, 11, 30), (2026, 12, 1), (2026, 12, 10), (2026, 12, 24), (2026, 12, 30), (2026, 12, 31), (2027, 1, 1), (2027, 1, 4) })
        {
            await ScanOnAsync(year, month, day);
        }

        var escalations = await Mail.WaitForSubjectAsync(senior, $"({reference}), 4 days overdue");
        Assert.Single(escalations);
        Assert.Contains(escalations, m => (m.Text ?? string.Empty).Contains("31 Dec 2026", StringComparison.Ordinal));
        var sent = await Portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.ReviewId == reviewId && m.Status == Domain.Email.OutboxStatus.Sent && m.OccurrenceKey.EndsWith(":2026-12-31"))
            .Select(m => new { m.OccurrenceKey, m.SentAtUtc }).ToListAsync());
        Assert.Equal(["due-1wd", "due-7d", "due-day", "overdue-1wd"], sent.Select(m => m.OccurrenceKey.Split(':')[2]).Order());
        Assert.Equal(new DateTime(2027, 1, 4), sent.Single(m => m.OccurrenceKey.Contains(":overdue-1wd:")).SentAtUtc!.Value.Date);
    }

    [Fact]
    public async Task ImpactReview_TwelveMonthsAfterSignOff_EmailAndTaskForTheOwner_AnswerRecordedOnThePlan()
    {
        var reviewId = await ReviewAtSignOffAsync(Portal);
        var actionId = await ActionAsync(Portal, reviewId, await RecommendationAsync(Portal, reviewId));
        await CompleteAsync(Portal, actionId);
        Assert.True((await Portal.Get<DecideActionHandler>().SignOffAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), actionId, null)).IsSuccess);
        await Mail.ClearAsync(DemoAccounts.AgencyContact);
        var contact = await Portal.ActorAsync(DemoAccounts.AgencyContact);

        Assert.Equal(0, (await ScanAndSendAsync(new(2027, 11, 22, 23, 0, 0, TimeSpan.Zero))).ImpactReviews);
        Assert.Empty(await Portal.Get<ActionPlanQuery>().ImpactReviewsAsync(contact));
        Assert.Equal(1, (await ScanAndSendAsync(new(2027, 11, 23, 0, 30, 0, TimeSpan.Zero))).ImpactReviews);
        Assert.Equal(0, (await ScanAndSendAsync(new(2027, 11, 23, 1, 30, 0, TimeSpan.Zero))).ImpactReviews);

        // maildev and the demo contact are shared with other tests: the review's (random) case label picks out this one.
        await Mail.WaitForAsync(DemoAccounts.AgencyContact);
        var email = Assert.Single(await MailAsync(DemoAccounts.AgencyContact, $"Impact review: action R1.1 of {await CaseLabelAsync(reviewId)} ({await ReferenceAsync(reviewId)})"));
        Assert.Contains("signed off on 23 Nov 2026", email.Text, StringComparison.Ordinal);
        Assert.Contains("answer by 21 Dec 2027", email.Text, StringComparison.Ordinal);
        var queued = Assert.Single(await Portal.Get<ActionPlanQuery>().ImpactReviewsAsync(contact));
        Assert.Equal((actionId, "R1.1", new DateOnly(2027, 12, 21)), (queued.ActionId, queued.Label, queued.DueDate));
        var task = await Portal.WithDbAsync(db => db.WorkItems.AsNoTracking().SingleAsync(w => w.ReviewId == reviewId && w.Kind == WorkItemKind.ActionImpactReview));
        Assert.Equal((contact.UserId, WorkItemStatus.Open), (task.CandidateUserId, task.Status));

        var missing = await Portal.Get<AnswerImpactReviewHandler>().HandleAsync(contact, actionId, null, " ");
        Assert.Equal(["Outcome", "Comment"], Assert.IsType<Domain.ValidationFailed>(missing.Error).Errors.Select(e => e.Field));
        var answered = await Portal.Get<AnswerImpactReviewHandler>().HandleAsync(contact, actionId, ImpactOutcome.Confirmed, "Risk assessments after separation doubled.");

        Assert.True(answered.IsSuccess, answered.Error?.Message);
        Assert.Empty(await Portal.Get<ActionPlanQuery>().ImpactReviewsAsync(contact));
        Assert.Equal(WorkItemStatus.Completed, await Portal.WithDbAsync(db => db.WorkItems.Where(w => w.Id == task.Id).Select(w => w.Status).SingleAsync()));
        var row = (await Portal.Get<MasterActionPlanQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer),
            new ActionPlanFilter(ReviewId: reviewId), new PageRequest())).Items.Single();
        Assert.Equal((ActionDisplayStatus.SignedOff, ImpactOutcome.Confirmed), (row.Status, row.Impact));
    }

    private Task<string> CaseLabelAsync(int reviewId) => Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.CaseLabel).SingleAsync());

    private Task<string> ReferenceAsync(int reviewId) => Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Reference).SingleAsync());

    /// The owner reports an action completed: those who manage the plan (the lead office's review officers and the CSP's
    /// action plan team; not the office's manager) are emailed once, by the action's label and the review's reference
    /// only. A re-plan to a new owner emails the new owner's contact, not the old one.
    [Fact]
    public async Task CompletedAction_EmailsThePlansManagersOnce_AndAReplanEmailsTheNewOwner_ByLabelAndReferenceOnly()
    {
        var member = await ActionPlanTeamScenario.NewPlanManagerAsync(Portal);
        await ActionPlanTeamScenario.SetTeamAsync(Portal, "Rutland CSP", "Rutland community safety team", member);
        var reviewId = await ReviewAtSignOffAsync(Portal, csp: "Rutland CSP");
        var recommendation = await RecommendationAsync(Portal, reviewId);
        var completed = await ActionAsync(Portal, reviewId, recommendation);
        var moved = await ActionAsync(Portal, reviewId, recommendation);
        var (reference, caseLabel) = (await ReferenceAsync(reviewId), await CaseLabelAsync(reviewId));
        Task<List<string>> SentAsync(string reason) => Portal.WithDbAsync(db => db.OutboxMessages
            .Where(m => m.ReviewId == reviewId && m.Reason == reason).Select(m => m.RecipientAddress).OrderBy(a => a).ToListAsync());

        await CompleteAsync(Portal, completed);
        await Portal.Get<OutboxDispatcher>().RunOnceAsync();
        await Portal.Get<OutboxDispatcher>().RunOnceAsync();

        Assert.Equal(new[] { member, DemoAccounts.LrOfficer }.Order(StringComparer.Ordinal), await SentAsync(ActionPlanEmails.WaitingForSignOff));
        var mail = Assert.Single(await Mail.WaitForAsync(member));
        Assert.Equal($"Action R1.1 on review {reference} is waiting for sign-off", mail.Subject);
        Assert.Contains($"/actions/{completed}", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Train response officers", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(caseLabel, mail.Text, StringComparison.Ordinal);

        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var detail = (await Portal.Get<ActionPlanQuery>().ForActionAsync(officer, moved, false)).Value;
        var kent = await OtherAgencyContactAsync(Portal);
        var replanned = await Portal.Get<ReplanActionHandler>().HandleAsync(officer, moved, new ActionReplan(detail.What, await AgencyIdAsync(Portal, "Kent Police"),
            await UserIdAsync(Portal, kent), detail.DueDate, "Kent Police now lead the training.", Today(Portal)), detail.Version);
        Assert.True(replanned.IsSuccess, replanned.Error?.Message);
        await Portal.Get<OutboxDispatcher>().RunOnceAsync();

        Assert.Equal([kent], await SentAsync(ActionPlanEmails.NewOwner));
        var told = Assert.Single(await Mail.WaitForSubjectAsync(kent, $"on review {reference} is now yours"));
        Assert.Equal($"Action R1.2 on review {reference} is now yours", told.Subject);
        Assert.Contains($"/actions/{moved}", told.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(caseLabel, told.Text, StringComparison.Ordinal);
    }
}
