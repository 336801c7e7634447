using Domain;
using Domain.Audit;
using Domain.Commissioner;
using Domain.Email;
using Domain.Workflow;
using Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows;
using Workflows.Commissioner;
using Workflows.Email;
using Workflows.Reminders;
using Workflows.WorkItems;
using static Portal.Testing.ActionPlanScenario;

namespace Portal.Integration.Tests;

/// A Commissioner's recommendation on the reminder ladder, on a real database of each provider and real SMTP (maildev):
/// recording it opens a task of no review in the office's team queue, due on the response date; the ladder reminds the
/// office's review officers, escalates to its managers and then again, each email queued once however often the scan
/// runs, naming only the reference and the due date; the response completes the task. Another office, an agency contact
/// and a board member can neither see nor take it, and their attempts are audited. Recommendations recorded before tasks
/// existed get theirs once at start-up. Each test has a portal of its own.
public abstract class CommissionerTaskTests(DatabaseProvider provider)
    : MailFixture(provider, new DateTimeOffset(2026, 12, 14, 10, 0, 0, TimeSpan.Zero))
{
    private const string Words = "Train call handlers to recognise coercive control.";
    private const string Report = "Did anyone notice? (2025)";

    private async Task<IReadOnlyList<WorkItemRow>> QueueAsync(string who, WorkQueue queue) =>
        (await Portal.Get<WorkQueueQuery>().HandleAsync(await Portal.ActorAsync(who), queue, new WorkItemFilter(), new PageRequest(0, 100))).Items;

    private Task<List<OutboxMessage>> MessagesAsync(long taskId) => Portal.WithDbAsync(db =>
        db.OutboxMessages.AsNoTracking().Where(m => m.OccurrenceKey.StartsWith($"workitem:{taskId}:")).OrderBy(m => m.Id).ToListAsync());

    private Task<int> RefusalsAsync(string userId) =>
        Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == userId && a.Action == AuditAction.Refused && a.Subject == "WorkItem"));

    /// The scan twice (the second must queue nothing at all), then the dispatcher, at 09:00 London on the day: the
    /// number of emails about this task queued.
    private async Task<int> ScanOnAsync(long taskId, int year, int month, int day)
    {
        var before = (await MessagesAsync(taskId)).Count;
        Portal.Time.SetUtcNow(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.Zero));
        await Portal.Get<ReminderScan>().RunAsync();
        var again = await Portal.Get<ReminderScan>().RunAsync();
        Assert.Equal(0, again.Queued);
        await Portal.Get<OutboxDispatcher>().RunOnceAsync();
        return (await MessagesAsync(taskId)).Count - before;
    }

    [Fact]
    public async Task Recorded_InTheTeamQueue_RemindedEscalatedOnce_WithoutItsWords_ThenTheResponseCompletesIt()
    {
        var office = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "LR").Select(o => o.Id).SingleAsync());
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        // Made 29 Oct 2026: the response is due on Thursday 24 Dec; 25 and 28 Dec are bank holidays.
        var id = (await Portal.Get<RecordCommissionerRecommendationHandler>().HandleAsync(officer,
            new RecordCommissionerRecommendation(office, Report, new DateOnly(2026, 10, 29), await AgencyIdAsync(Portal), Words))).Value;
        var reference = CommissionerRecommendation.ReferenceOf(id);

        var task = await Portal.WithDbAsync(db => db.CommissionerRecommendations.Where(r => r.Id == id).Select(r => r.WorkItem!).SingleAsync());
        Assert.Null(task.ReviewId);
        Assert.Equal((WorkItemKind.RespondToCommissioner, office, new DateOnly(2026, 12, 24), WorkItemStatus.Open, (string?)null),
            (task.Kind, task.OfficeId!.Value, task.DueDate!.Value, task.Status, task.AssigneeUserId));
        var row = Assert.Single(await QueueAsync(DemoAccounts.LrOfficer, WorkQueue.Team), r => r.Id == task.Id);
        Assert.Equal((null, reference, "Commissioner's recommendation", $"commissioner?respond={id}"), (row.ReviewId, row.Reference, row.CaseLabel, row.Link));
        // Found by its reference, as the escalation's link searches the overdue queue for it.
        var found = await Portal.Get<WorkQueueQuery>().HandleAsync(officer, WorkQueue.Team, new WorkItemFilter(Search: reference), new PageRequest());
        Assert.Contains(found.Items, r => r.Id == task.Id);
        // Not completed from the queue: only the response closes it.
        Assert.Contains("closes by itself", (await Portal.Get<WorkItemCommands>().CompleteAsync(officer, task.Id, "Done.")).Error!.Message, StringComparison.Ordinal);

        Assert.Equal(0, await ScanOnAsync(task.Id, 2026, 12, 16));
        Assert.True(await ScanOnAsync(task.Id, 2026, 12, 17) > 0); // 7 days before
        Assert.True(await ScanOnAsync(task.Id, 2026, 12, 23) > 0); // 1 working day before
        Assert.True(await ScanOnAsync(task.Id, 2026, 12, 29) > 0); // first working day after: the managers
        Assert.Equal(0, await ScanOnAsync(task.Id, 2026, 12, 30));
        Assert.True(await ScanOnAsync(task.Id, 2027, 1, 13) > 0); // 10 working days after the managers were told

        var sent = await MessagesAsync(task.Id);
        Assert.Equal([EmailReasons.Reminder, EmailReasons.OverdueEscalation, EmailReasons.SecondEscalation],
            sent.Select(m => m.Reason).Distinct());
        Assert.Equal(sent.Count, sent.Select(m => (m.OccurrenceKey, m.RecipientAddress)).Distinct().Count());
        Assert.All(sent, m =>
        {
            Assert.Equal(OutboxStatus.Sent, m.Status);
            Assert.Null(m.ReviewId);
            Assert.Contains(reference, m.Subject, StringComparison.Ordinal);
            Assert.Contains("24 Dec 2026", m.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("coercive", m.TextBody, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("anyone notice", m.TextBody, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Police", m.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("/reviews/", m.TextBody, StringComparison.Ordinal);
        });
        Assert.Contains(sent, m => m.Reason == EmailReasons.Reminder && m.RecipientAddress == DemoAccounts.LrOfficer
            && m.TextBody.Contains($"commissioner?respond={id}", StringComparison.Ordinal));
        Assert.Contains(sent, m => m.Reason == EmailReasons.OverdueEscalation && m.RecipientAddress == DemoAccounts.LrManager
            && m.TextBody.Contains($"work/overdue?search={reference}", StringComparison.Ordinal));
        Assert.Contains(sent, m => m.Reason == EmailReasons.SecondEscalation && m.RecipientAddress == DemoAccounts.LrManager
            && m.TextBody.Contains("belongs to no review", StringComparison.Ordinal));
        Assert.DoesNotContain(sent, m => m.RecipientAddress == DemoAccounts.KentOfficer || m.RecipientAddress == DemoAccounts.AgencyContact);
        // Each arrived at the SMTP server once.
        var arrived = await Mail.ArrivedFromOutboxAsync(Portal);
        Assert.All(sent, m => Assert.Single(arrived, a => a == m.LocalId));

        var respond = await Portal.Get<RecordCommissionerResponseHandler>().HandleAsync(officer,
            new RecordCommissionerResponse(id, new DateOnly(2027, 1, 12), "Training agreed.", 1));
        Assert.True(respond.IsSuccess, respond.Error?.Message);
        var closed = await Portal.WithDbAsync(db => db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == task.Id));
        Assert.Equal((WorkItemStatus.Completed, officer.UserId), (closed.Status, closed.CompletedByUserId));
        Assert.DoesNotContain(await QueueAsync(DemoAccounts.LrOfficer, WorkQueue.Team), r => r.Id == task.Id);
        Assert.DoesNotContain(await QueueAsync(DemoAccounts.LrManager, WorkQueue.Overdue), r => r.Id == task.Id);
        var before = (await MessagesAsync(task.Id)).Count;
        Assert.Equal(0, await ScanOnAsync(task.Id, 2027, 1, 14));
        Assert.Equal(before, (await MessagesAsync(task.Id)).Count);
    }

    [Fact]
    public async Task AnotherOffice_AnAgencyContact_AndABoardMember_NeitherSeeNorTakeIt_AndAreAudited_WhileTheOfficeClaimsAndAssignsIt()
    {
        var office = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "LR").Select(o => o.Id).SingleAsync());
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var id = (await Portal.Get<RecordCommissionerRecommendationHandler>().HandleAsync(officer,
            new RecordCommissionerRecommendation(office, Report, Today(Portal).AddDays(-60), await AgencyIdAsync(Portal), Words))).Value;
        var taskId = await Portal.WithDbAsync(db => db.CommissionerRecommendations.Where(r => r.Id == id).Select(r => r.WorkItemId!.Value).SingleAsync());
        var commands = Portal.Get<WorkItemCommands>();

        foreach (var who in new[] { DemoAccounts.KentOfficer, DemoAccounts.AgencyContact, DemoAccounts.BoardMember })
        {
            var actor = await Portal.ActorAsync(who);
            foreach (var queue in Enum.GetValues<WorkQueue>())
            {
                Assert.DoesNotContain(await QueueAsync(who, queue), r => r.Id == taskId);
            }

            var was = await RefusalsAsync(actor.UserId);
            Assert.IsType<AccessRefused>((await commands.ClaimAsync(actor, taskId)).Error);
            Assert.IsType<AccessRefused>((await commands.CompleteAsync(actor, taskId, "Done.")).Error);
            Assert.Equal(was + 2, await RefusalsAsync(actor.UserId));
        }

        // The office's own: overdue for its officers and managers; an officer claims it, a manager reassigns it.
        Assert.Contains(await QueueAsync(DemoAccounts.LrManager, WorkQueue.Overdue), r => r.Id == taskId);
        Assert.True((await commands.ClaimAsync(officer, taskId)).IsSuccess);
        Assert.Contains(await QueueAsync(DemoAccounts.LrOfficer, WorkQueue.MyWork), r => r.Id == taskId && r.Reference == CommissionerRecommendation.ReferenceOf(id));
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);
        var staff = (await Portal.Get<AssignableStaffQuery>().HandleAsync(manager, taskId)).Value;
        var to = staff.First(s => s.UserId != officer.UserId);
        var reassigned = await commands.ReassignAsync(manager, taskId, to.UserId, "Please chase the police for their response.");
        Assert.True(reassigned.IsSuccess, reassigned.Error?.Message);
        Assert.Equal(to.UserId, reassigned.Value.AssigneeUserId);
        var audited = await Portal.WithDbAsync(db => db.AuditEvents.Where(a => a.Subject == "WorkItem" && a.SubjectId == taskId.ToString()
            && a.Action == AuditAction.Changed).Select(a => new { a.ReviewId, a.CaseReference }).ToListAsync());
        Assert.Equal(2, audited.Count);
        Assert.All(audited, a => Assert.Equal((null, CommissionerRecommendation.ReferenceOf(id)), (a.ReviewId, a.CaseReference)));
    }

    [Fact]
    public async Task RecommendationsRecordedBeforeTasks_GetTheirTaskOnceAtStartUp_AnsweredOnesNone()
    {
        var (open, answered) = await Portal.WithDbAsync(async db =>
        {
            var office = await db.Organisations.Where(o => o.Code == "LR").Select(o => o.Id).SingleAsync();
            var police = await db.Organisations.Where(o => o.Name == "Leicestershire Police").Select(o => o.Id).SingleAsync();
            CommissionerRecommendation Old(DateOnly? respondedOn) => new()
            {
                OfficeId = office, AddresseeId = police, Report = Report, MadeOn = new DateOnly(2026, 11, 2), Text = Words,
                RespondedOn = respondedOn, ResponseSummary = respondedOn is null ? null : "Agreed.", CreatedAtUtc = DateTime.UtcNow, CreatedByUserId = "old", Version = 1,
            };
            var (a, b) = (Old(null), Old(new DateOnly(2026, 12, 1)));
            db.CommissionerRecommendations.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });

        // As the start-up does (DatabaseInitialiser), twice: the second finds nothing left to do.
        Assert.True(await Portal.WithDbAsync(db => CommissionerTask.BackfillAsync(db, DateTime.UtcNow)) >= 1);
        Assert.Equal(0, await Portal.WithDbAsync(db => CommissionerTask.BackfillAsync(db, DateTime.UtcNow)));

        var tasks = await Portal.WithDbAsync(db => db.CommissionerRecommendations.Where(r => r.Id == open || r.Id == answered)
            .OrderBy(r => r.Id).Select(r => new { r.Id, Task = r.WorkItem }).ToListAsync());
        Assert.Null(tasks[1].Task);
        var task = tasks[0].Task!;
        Assert.Equal((null, WorkItemKind.RespondToCommissioner, new DateOnly(2026, 12, 28), CommissionerRecommendation.TaskTitleFor(open)),
            (task.ReviewId, task.Kind, task.DueDate!.Value, task.Title));
        Assert.Contains(await QueueAsync(DemoAccounts.LrOfficer, WorkQueue.Team), r => r.Id == task.Id);
    }
}

public sealed class CommissionerTaskSqliteTests() : CommissionerTaskTests(DatabaseProvider.Sqlite);

public sealed class CommissionerTaskPostgresTests() : CommissionerTaskTests(DatabaseProvider.PostgreSql);
