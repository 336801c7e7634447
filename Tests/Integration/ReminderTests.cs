using Domain.Access;
using Domain.Calendar;
using Domain.Email;
using Domain.Reviews;
using Domain.Workflow;
using Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Data;
using Workflows.Email;
using Workflows.Process;
using Workflows.Reminders;
using Workflows.Time;

namespace Portal.Integration.Tests;

/// Reminders and overdue escalations (issue 4) through the scan, the outbox and real SMTP (maildev), with business time
/// moved hour by hour. Each test has a portal of its own; the class runs its tests one after another.
public sealed class ReminderTests() : MailFixture(DatabaseProvider.Sqlite, new DateTimeOffset(2026, 12, 14, 0, 0, 0, TimeSpan.Zero))
{
    private static readonly DateOnly Notified = new(2026, 11, 24);

    // Decision due 24 Dec 2026 (Thursday). 25 Dec (Friday) and 28 Dec (Monday, Boxing Day substitute) are bank holidays.
    private static readonly DateOnly Due = new(2026, 12, 24);

    private sealed record Sent(string To, string Reason, string Key, OutboxStatus Status, DateTime? SentAtUtc, string Subject, string Text);

    private Task<List<Sent>> OutboxAsync(int reviewId) => Portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
        .Where(m => m.ReviewId == reviewId).OrderBy(m => m.Id)
        .Select(m => new Sent(m.RecipientAddress, m.Reason, m.OccurrenceKey, m.Status, m.SentAtUtc, m.Subject, m.TextBody)).ToListAsync());

    private Task<long> ItemAsync(int reviewId, WorkItemKind kind) =>
        Portal.WithDbAsync(db => db.WorkItems.Where(w => w.ReviewId == reviewId && w.Kind == kind && w.Status == WorkItemStatus.Open).Select(w => w.Id).SingleAsync());

    private async Task FireAsync(int reviewId, TriggerArgs args)
    {
        var result = await Portal.Get<WorkflowEngine>().FireAsync(reviewId, args, await Portal.ActorAsync(DemoAccounts.LrOfficer), Guid.NewGuid().ToString());
        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    /// Every hour from now until `until` (London = UTC in winter): the scan, then the dispatcher, as the jobs would.
    private async Task RunHourlyUntilAsync(DateTimeOffset until, Func<DateTimeOffset, Task>? eachHour = null)
    {
        for (var now = Portal.Time.GetUtcNow(); now <= until; now = now.AddHours(1))
        {
            Portal.Time.SetUtcNow(now);
            if (eachHour is not null)
            {
                await eachHour(now);
            }

            await Portal.Get<ReminderScan>().RunAsync();
            await Portal.Get<OutboxDispatcher>().RunOnceAsync();
        }
    }

    /// A task addressed to an agency (as information requests are), due on Due.
    private Task<long> AddAgencyItemAsync(int reviewId, int agencyId, string title) => Portal.WithDbAsync(async db =>
    {
        var item = new WorkItem
        {
            ReviewId = reviewId, Kind = WorkItemKind.RecordQaOutcome, Title = title, AgencyId = agencyId, DueDate = Due,
            CreatedAtUtc = Portal.Time.GetUtcNow().UtcDateTime,
        };
        db.WorkItems.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    });

    private Task<string> ReferenceAsync(int reviewId) => Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Reference).SingleAsync());

    private static DateTime At8(int year, int month, int day) => new(year, month, day, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Ladder_SkipsWeekendsAndBankHolidays()
    {
        var calendar = BusinessCalendar.EnglandAndWales();

        var ladder = ReminderLadder.For(Due, calendar, new ReminderOptions());

        Assert.Equal(
            [("due-7d", new DateOnly(2026, 12, 17)), ("due-1wd", new DateOnly(2026, 12, 23)), ("due-day", Due),
             ("overdue-1wd", new DateOnly(2026, 12, 29))],
            ladder.Select(o => (o.Step, o.On)));
        // Due on a bank holiday: no "on the day" reminder (it would go out after the due date); 7 days before a
        // Saturday moves to the Monday.
        var saturday = ReminderLadder.For(new DateOnly(2026, 12, 26), calendar, new ReminderOptions());
        Assert.DoesNotContain(saturday, o => o.Step == "due-day");
        Assert.Equal(new DateOnly(2026, 12, 21), saturday.Single(o => o.Step == "due-7d").On);
        Assert.Equal(new DateOnly(2026, 12, 24), saturday.Single(o => o.Step == "due-1wd").On);
    }

    [Fact]
    public async Task AMonthOfReminders_RightPeopleRightDays_NoneOnHolidays_CompletionCancels_HoldSuspendsAndResumeReplans()
    {
        var lead = $"lead-{Guid.NewGuid():N}@csp.example.org";
        await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Rutland CSP").ExecuteUpdateAsync(s => s.SetProperty(o => o.EscalationEmail, lead)));
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var assigned = await WorkflowEngineTests.RegisterAsync(Portal, Notified);
        var held = await WorkflowEngineTests.RegisterAsync(Portal, Notified);
        var completed = await WorkflowEngineTests.RegisterAsync(Portal, Notified);
        var assignedItem = await ItemAsync(assigned, WorkItemKind.PresentToCrg);
        var heldItem = await ItemAsync(held, WorkItemKind.PresentToCrg);
        var completedItem = await ItemAsync(completed, WorkItemKind.PresentToCrg);
        await Portal.WithDbAsync(db => db.WorkItems.Where(w => w.Id == assignedItem)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.AssigneeUserId, officer.UserId)));
        foreach (var to in new[] { DemoAccounts.LrOfficer, DemoAccounts.LrManager, lead })
        {
            await Mail.ClearAsync(to);
        }

        await RunHourlyUntilAsync(new DateTimeOffset(2027, 1, 13, 23, 0, 0, TimeSpan.Zero), async now =>
        {
            // 07:00 on 17 Dec: the 7-day reminder is queued (for 08:00) when the review goes on hold: it is cancelled.
            if (now == new DateTimeOffset(2026, 12, 17, 7, 0, 0, TimeSpan.Zero))
            {
                await FireAsync(held, new PutOnHoldArgs { HoldReason = HoldReason.Inquest, ExpectedReviewDate = new DateOnly(2027, 3, 1) });
            }

            // Resumed on 21 Dec at 10:00 after 4 days: due 28 Dec (a bank holiday), a fresh ladder.
            if (now == new DateTimeOffset(2026, 12, 21, 10, 0, 0, TimeSpan.Zero))
            {
                await FireAsync(held, TriggerArgs.For(Trigger.Resume));
            }

            // 07:00 on 23 Dec, the 1-working-day reminder waits for 08:00 when the task is done: it is never sent.
            if (now == new DateTimeOffset(2026, 12, 23, 7, 0, 0, TimeSpan.Zero))
            {
                await FireAsync(completed, TriggerArgs.For(Trigger.PresentToCrg));
            }
        });

        var all = (await OutboxAsync(assigned)).Concat(await OutboxAsync(held)).Concat(await OutboxAsync(completed)).ToList();
        Assert.All(all.Where(m => m.SentAtUtc is not null), m =>
        {
            var day = London.DateOf(m.SentAtUtc!.Value);
            Assert.True(BusinessCalendar.EnglandAndWales().IsWorkingDay(day), $"{m.Key} sent on {day}");
            Assert.True(London.ToLocal(m.SentAtUtc.Value).Hour >= 8, $"{m.Key} sent before 08:00");
        });

        // The assigned task: its assignee before, the office's manager after 1 working day, the CSP's lead 10 working
        // days after the managers' email went out (29 Dec; New Year's Day is a bank holiday).
        var a = (await OutboxAsync(assigned)).Where(m => m.Key.StartsWith($"workitem:{assignedItem}:", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                (DemoAccounts.LrOfficer, EmailReasons.Reminder, $"workitem:{assignedItem}:due-7d:2026-12-24", At8(2026, 12, 17)),
                (DemoAccounts.LrOfficer, EmailReasons.Reminder, $"workitem:{assignedItem}:due-1wd:2026-12-24", At8(2026, 12, 23)),
                (DemoAccounts.LrOfficer, EmailReasons.Reminder, $"workitem:{assignedItem}:due-day:2026-12-24", At8(2026, 12, 24)),
                (DemoAccounts.LrManager, EmailReasons.OverdueEscalation, $"workitem:{assignedItem}:overdue-1wd:2026-12-24", At8(2026, 12, 29)),
                (lead, EmailReasons.SecondEscalation, $"workitem:{assignedItem}:overdue-10wd:2026-12-24", At8(2027, 1, 13)),
            ],
            a.Select(m => (m.To, m.Reason, m.Key, m.SentAtUtc!.Value)));
        Assert.All(a, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var overdue = a.Single(m => m.Reason == EmailReasons.OverdueEscalation);
        Assert.Contains("24 Dec 2026", overdue.Text, StringComparison.Ordinal);
        // Calendar days, as the queues count them; the link opens the overdue queue on the review, where managers reassign.
        Assert.Contains("5 days overdue", overdue.Text, StringComparison.Ordinal);
        Assert.Contains($"/work/overdue?search={Uri.EscapeDataString(await ReferenceAsync(assigned))}", overdue.Text, StringComparison.Ordinal);
        Assert.Contains("20 days overdue", a.Single(m => m.Reason == EmailReasons.SecondEscalation).Text, StringComparison.Ordinal);
        Assert.Contains($"/reviews/{assigned}", a.Single(m => m.Reason == EmailReasons.SecondEscalation).Text, StringComparison.Ordinal);
        Assert.Contains("You are the accountable lead for this review.", a.Single(m => m.Reason == EmailReasons.SecondEscalation).Text, StringComparison.Ordinal);

        // The held task: the 7-day reminder for the old due date cancelled; after the resume, the ladder for 28 Dec.
        var h = (await OutboxAsync(held)).Where(m => m.Key.StartsWith($"workitem:{heldItem}:", StringComparison.Ordinal)).ToList();
        Assert.Equal([OutboxStatus.Cancelled], h.Where(m => m.Key.EndsWith("2026-12-24", StringComparison.Ordinal)).Select(m => m.Status).Distinct());
        Assert.Equal(
            [
                (EmailReasons.Reminder, $"workitem:{heldItem}:due-7d:2026-12-28", new DateTime(2026, 12, 21, 10, 0, 0, DateTimeKind.Utc)),
                (EmailReasons.Reminder, $"workitem:{heldItem}:due-1wd:2026-12-28", At8(2026, 12, 24)),
                (EmailReasons.OverdueEscalation, $"workitem:{heldItem}:overdue-1wd:2026-12-28", At8(2026, 12, 29)),
                (EmailReasons.SecondEscalation, $"workitem:{heldItem}:overdue-10wd:2026-12-28", At8(2027, 1, 13)),
            ],
            h.Where(m => m.Key.EndsWith("2026-12-28", StringComparison.Ordinal)).DistinctBy(m => m.Key).Select(m => (m.Reason, m.Key, m.SentAtUtc!.Value)));

        // The completed task: reminders before completion sent, the waiting one cancelled, nothing after.
        var c = (await OutboxAsync(completed)).Where(m => m.Key.StartsWith($"workitem:{completedItem}:", StringComparison.Ordinal)).ToList();
        Assert.Equal([(OutboxStatus.Sent, "due-7d")], c.Where(m => m.Status == OutboxStatus.Sent).Select(m => (m.Status, m.Key.Split(':')[2])).Distinct());
        Assert.Equal(["due-1wd"], c.Where(m => m.Status == OutboxStatus.Cancelled).Select(m => m.Key.Split(':')[2]).Distinct());

        // What the SMTP server received: each sent message once.
        foreach (var to in new[] { DemoAccounts.LrManager, lead })
        {
            var expected = all.Count(m => m.To == to && m.Status == OutboxStatus.Sent);
            var received = await Mail.WaitForAsync(to, expected);
            Assert.Equal(expected, received.Count(r => all.Any(m => m.Subject == r.Subject)));
            await Mail.ClearAsync(to);
        }
    }
    [Fact]
    public async Task SecondEscalation_CspWithNoAccountableLead_GoesToTheLeadOfficesManagersWithTheReason()
    {
        await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Rutland CSP")
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.EscalationEmail, (string?)null)));
        var review = await WorkflowEngineTests.RegisterAsync(Portal, Notified);

        // First seen 10 working days after the decision was due (24 Dec): the managers are told once that day, not
        // twice; the second rung comes 10 working days after that email went out.
        Portal.Time.SetUtcNow(new DateTimeOffset(2027, 1, 12, 8, 0, 0, TimeSpan.Zero));
        await Portal.Get<ReminderScan>().RunAsync();
        await Portal.Get<OutboxDispatcher>().RunOnceAsync();
        await Portal.Get<ReminderScan>().RunAsync();
        Assert.Equal([EmailReasons.OverdueEscalation], (await OutboxAsync(review)).Select(m => m.Reason).Distinct());
        Portal.Time.SetUtcNow(new DateTimeOffset(2027, 1, 26, 8, 0, 0, TimeSpan.Zero));
        await Portal.Get<ReminderScan>().RunAsync();

        var second = (await OutboxAsync(review)).Where(m => m.Reason == EmailReasons.SecondEscalation).ToList();
        Assert.Equal([DemoAccounts.LrManager], second.Select(m => m.To));
        Assert.Contains("Its lead CSP has no accountable lead on record", second[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("You are the accountable lead", second[0].Text, StringComparison.Ordinal);
        Assert.Contains($"/reviews/{review}", second[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgencyTaskAndClock_HaveTheirOwnRecipients_AndNoEmailHoldsARealName()
    {
        var seniorManager = $"senior-{Guid.NewGuid():N}@police.example.org";
        var police = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Leicestershire Police").Select(o => o.Id).SingleAsync());
        await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Id == police).ExecuteUpdateAsync(s => s.SetProperty(o => o.EscalationEmail, seniorManager)));
        var agencyReview = await WorkflowEngineTests.RegisterAsync(Portal, Notified);
        var agencyItem = await AddAgencyItemAsync(agencyReview, police, "Return the chronology");
        // An agency with no senior manager on record: its overdue task goes to the lead office's managers instead.
        var kentPolice = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Kent Police").Select(o => o.Id).SingleAsync());
        var noContactItem = await AddAgencyItemAsync(agencyReview, kentPolice, "Return the scoping answer");
        // A clock with no open task working to it gets the ladder itself: officers, then managers.
        var clockReview = await WorkflowEngineTests.RegisterAsync(Portal, Notified);
        await Portal.WithDbAsync(db => db.WorkItems.Where(w => w.ReviewId == clockReview).ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, WorkItemStatus.Cancelled)));
        var clockId = await Portal.WithDbAsync(db => db.ReviewClocks.Where(c => c.ReviewId == clockReview).Select(c => c.Id).SingleAsync());

        await RunHourlyUntilAsync(new DateTimeOffset(2026, 12, 29, 9, 0, 0, TimeSpan.Zero));

        var agency = (await OutboxAsync(agencyReview)).Where(m => m.Key.StartsWith($"workitem:{agencyItem}:", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                (DemoAccounts.AgencyContact, "due-7d"), (DemoAccounts.AgencyContact, "due-1wd"), (DemoAccounts.AgencyContact, "due-day"),
                (seniorManager, "overdue-1wd"),
            ],
            agency.Select(m => (m.To, m.Key.Split(':')[2])));
        Assert.Equal([DemoAccounts.LrManager], (await OutboxAsync(agencyReview))
            .Where(m => m.Key.StartsWith($"workitem:{noContactItem}:overdue-1wd:", StringComparison.Ordinal)).Select(m => m.To));
        var clock = (await OutboxAsync(clockReview)).Where(m => m.Key.StartsWith($"clock:{clockId}:", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [(DemoAccounts.LrOfficer, "due-7d"), (DemoAccounts.LrOfficer, "due-1wd"), (DemoAccounts.LrOfficer, "due-day"), (DemoAccounts.LrManager, "overdue-1wd")],
            clock.Select(m => (m.To, m.Key.Split(':')[2])));
        Assert.StartsWith("Deadline: The CRG's decision whether to hold a review for ", clock[0].Subject, StringComparison.Ordinal);
        Assert.Contains("due in 7 days", clock[0].Text, StringComparison.Ordinal);

        var names = await Portal.RealNamesAsync();
        var displayNames = await Portal.WithDbAsync(db => db.Users.Select(u => u.DisplayName).ToListAsync());
        var bodies = await Portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.Reason != EmailReasons.Invitation)
            .Select(m => m.Subject + "\n" + m.TextBody + "\n" + m.HtmlBody).ToListAsync());
        Assert.NotEmpty(bodies);
        foreach (var name in names.Concat(displayNames).OfType<string>().Where(n => n.Length > 3))
        {
            Assert.All(bodies, body => Assert.DoesNotContain(name, body, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task DigestManager_GetsOneListAWorkingDayInsteadOfOverdueEmails_AndOptedOutOfficer_NoReminders()
    {
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        await Portal.WithDbAsync(async db =>
        {
            db.NotificationPreferences.Add(new Domain.Accounts.NotificationPreferences { UserId = manager.UserId, DailyDigest = true });
            db.NotificationPreferences.Add(new Domain.Accounts.NotificationPreferences { UserId = officer.UserId, DueSoonReminders = false });
            return await db.SaveChangesAsync();
        });
        var review = await WorkflowEngineTests.RegisterAsync(Portal, Notified);
        var reference = await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == review).Select(r => r.Reference).SingleAsync());

        await RunHourlyUntilAsync(new DateTimeOffset(2026, 12, 29, 9, 0, 0, TimeSpan.Zero));

        Assert.Empty(await Portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.RecipientAddress == DemoAccounts.LrOfficer && m.Reason == EmailReasons.Reminder).ToListAsync()));
        Assert.Empty(await Portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.RecipientAddress == DemoAccounts.LrManager && m.Reason == EmailReasons.OverdueEscalation).ToListAsync()));
        var digests = await Portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.RecipientAddress == DemoAccounts.LrManager && m.Reason == EmailReasons.DailyDigest)
            .OrderBy(m => m.Id).ToListAsync());
        // One a working day from 14 Dec (the first scan) to 29 Dec: none on 19-20 and 26-27 (weekends), 25 and 28 (bank holidays).
        Assert.Equal(
            ["2026-12-14", "2026-12-15", "2026-12-16", "2026-12-17", "2026-12-18", "2026-12-21", "2026-12-22", "2026-12-23", "2026-12-24", "2026-12-29"],
            digests.Select(d => d.OccurrenceKey["digest:".Length..]));
        Assert.All(digests, d => Assert.Equal(OutboxStatus.Sent, d.Status));
        Assert.All(digests, d => Assert.Equal(8, d.SentAtUtc!.Value.Hour));
        Assert.Contains($"({reference}): Present the case to the CRG, due 24 Dec 2026, 5 days overdue", digests[^1].TextBody, StringComparison.Ordinal);
        Assert.Contains($"({reference}): Present the case to the CRG, due 24 Dec 2026, due in 7 days", digests[3].TextBody, StringComparison.Ordinal);
    }
    [Fact]
    public async Task NotificationsSent_ListsTheReviewsMessages_ForItsLeadOfficeOnly()
    {
        var review = await WorkflowEngineTests.RegisterAsync(Portal, Notified);
        Portal.Time.SetUtcNow(new DateTimeOffset(2026, 12, 17, 9, 0, 0, TimeSpan.Zero));
        await Portal.Get<ReminderScan>().RunAsync();
        await Portal.Get<OutboxDispatcher>().RunOnceAsync();
        var query = Portal.Get<NotificationsSentQuery>();

        var rows = await query.HandleAsync(await Portal.ActorAsync(DemoAccounts.LrManager), review);

        var row = Assert.Single(rows!);
        Assert.Equal((DemoAccounts.LrOfficer, EmailReasons.Reminder, OutboxStatus.Sent), (row.RecipientAddress, row.Reason, row.Status));
        Assert.Equal(new DateTime(2026, 12, 17, 9, 0, 0, DateTimeKind.Utc), row.SentAtUtc);
        Assert.NotNull(await query.HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), review));
        Assert.Null(await query.HandleAsync(await Portal.ActorAsync(DemoAccounts.KentOfficer), review));
        Assert.Null(await query.HandleAsync(await Portal.ActorAsync(DemoAccounts.AgencyContact), review));
        Assert.Null(await query.HandleAsync(await Portal.ActorAsync(DemoAccounts.Admin), review));
    }
    [Fact]
    public async Task SmtpDownForAnHour_RemindersWaitWithAnIncident_ThenArriveOnceAndTheIncidentCloses()
    {
        var review = await WorkflowEngineTests.RegisterAsync(Portal, Notified);
        var item = await ItemAsync(review, WorkItemKind.PresentToCrg);
        await Mail.ClearAsync(DemoAccounts.LrOfficer);
        var options = Portal.Get<EmailOptions>();
        var down = Portal.DispatcherWithSmtpDown();
        var admin = await Portal.ActorAsync(DemoAccounts.Admin);
        var key = $"workitem:{item}:due-7d:2026-12-24";

        // 17 Dec, 08:00 to 09:00: the 7-day reminder is due but the SMTP server is down; the jobs run every minute.
        var start = new DateTimeOffset(2026, 12, 17, 8, 0, 0, TimeSpan.Zero);
        for (var minute = 0; minute < 60; minute++)
        {
            Portal.Time.SetUtcNow(start.AddMinutes(minute));
            await Portal.Get<ReminderScan>().RunAsync();
            await down.RunOnceAsync();
        }

        var waiting = await Portal.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.OccurrenceKey == key));
        Assert.Equal(OutboxStatus.Failed, waiting.Status);
        Assert.True(waiting.Attempts >= 5, $"{waiting.Attempts} attempts");
        Assert.NotEmpty(await Portal.Get<OpenIncidentsQuery>().HandleAsync(admin));
        Assert.Empty(await Mail.ForAsync(DemoAccounts.LrOfficer));

        // Back at 09:00: sent at its next attempt (backoff at most Email:MaxBackoff), once; the incident closes.
        DateTimeOffset? sentAt = null;
        for (var minute = 60; minute < 60 + 70 && sentAt is null; minute++)
        {
            Portal.Time.SetUtcNow(start.AddMinutes(minute));
            await Portal.Get<ReminderScan>().RunAsync();
            if ((await Portal.Get<OutboxDispatcher>().RunOnceAsync()).Sent > 0)
            {
                sentAt = Portal.Time.GetUtcNow();
            }
        }

        Assert.NotNull(sentAt);
        Assert.True(sentAt <= start.AddMinutes(60) + options.MaxBackoff, $"sent at {sentAt}");
        Assert.Equal(OutboxStatus.Sent, await Portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.OccurrenceKey == key).Select(m => m.Status).SingleAsync()));
        Assert.Empty(await Portal.Get<OpenIncidentsQuery>().HandleAsync(admin));
        Assert.Single(await Mail.WaitForAsync(DemoAccounts.LrOfficer), m => m.Subject.Contains("due in 7 days", StringComparison.Ordinal));
        await Mail.ClearAsync(DemoAccounts.LrOfficer);
    }
}
