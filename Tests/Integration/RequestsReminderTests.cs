using Domain.Email;
using Domain.Requests;
using Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Email;
using Workflows.Reminders;
using Workflows.Requests;

namespace Portal.Integration.Tests;

/// An information request's due date runs on the existing reminder ladder (its agency task): the contact is reminded,
/// the agency's senior manager hears when it is overdue (the lead office's managers when the agency has none), all
/// through the outbox to a real SMTP server (maildev).
public abstract class RequestsReminderTests(DatabaseProvider provider)
    : MailFixture(provider, new DateTimeOffset(2026, 12, 14, 9, 0, 0, TimeSpan.Zero))
{
    [Fact]
    public async Task OverdueRequest_RemindsTheContact_ThenEscalatesToTheAgencySeniorManager_OrTheLeadOfficeManagers()
    {
        var seniorManager = $"senior-{Guid.NewGuid():N}@police.example.org";
        await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Leicestershire Police").ExecuteUpdateAsync(s => s.SetProperty(o => o.EscalationEmail, seniorManager)));
        await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Kent Police").ExecuteUpdateAsync(s => s.SetProperty(o => o.EscalationEmail, (string?)null)));
        var policeContact = await Portal.AddAgencyContactAsync("Leicestershire Police");
        var kentContact = await Portal.AddAgencyContactAsync("Kent Police");
        var reviewId = await Portal.RegisterReviewAsync(new DateOnly(2026, 11, 2));
        var sent = await Portal.Get<SendInformationRequestsHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer),
            new SendInformationRequests(reviewId, RequestType.Chronology, [await Portal.UserIdAsync(policeContact), await Portal.UserIdAsync(kentContact)], new DateOnly(2026, 12, 24), TestRequests.Scope));
        Assert.True(sent.IsSuccess, sent.Error?.Message);
        var reference = await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Reference).SingleAsync());

        // Each day at 09:00 London (UTC in winter) up to 29 Dec: the scan, then the dispatcher, as the jobs would.
        for (var day = Portal.Time.GetUtcNow(); day <= new DateTimeOffset(2026, 12, 29, 9, 0, 0, TimeSpan.Zero); day = day.AddDays(1))
        {
            Portal.Time.SetUtcNow(day);
            await Portal.Get<ReminderScan>().RunAsync();
            await Portal.Get<OutboxDispatcher>().RunOnceAsync();
        }

        var contactMail = await Mail.WaitForAsync(policeContact, 4);
        Assert.Contains(contactMail, m => m.Subject.StartsWith("Your agency has been asked for information: Chronology", StringComparison.Ordinal));
        var reminders = contactMail.Where(m => m.Subject.StartsWith("Reminder:", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, reminders.Count); // 7 days, 1 working day, on the day
        // The contact's reminders lead to the request's own page, where they upload the return.
        var policeRequest = await Portal.WithDbAsync(db => db.InformationRequests
            .Where(r => r.ReviewId == reviewId && r.AgencyId == db.Organisations.Single(o => o.Name == "Leicestershire Police").Id).Select(r => r.Id).SingleAsync());
        Assert.All(reminders, m => Assert.Contains($"/requests/{policeRequest}", m.Text, StringComparison.Ordinal));

        // The senior manager hears of the demo's overdue request too: this test's is the one naming its review.
        var escalation = Assert.Single(await Mail.WaitForSubjectAsync(seniorManager, reference));
        Assert.StartsWith("Overdue: Return the Chronology information (Leicestershire Police)", escalation.Subject, StringComparison.Ordinal);
        Assert.Contains(reference, escalation.Subject, StringComparison.Ordinal);
        Assert.Contains("/requests/agency", escalation.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Test Contact", escalation.Text + escalation.Html, StringComparison.Ordinal);

        // Kent Police has no senior manager on record: the lead office's managers are told, with the request's link.
        var kent = await Portal.WithDbAsync(db => db.InformationRequests
            .Where(r => r.ReviewId == reviewId && r.AgencyId != db.Organisations.Single(o => o.Name == "Leicestershire Police").Id)
            .Select(r => new { r.Id, r.WorkItemId }).SingleAsync());
        var (kentRequest, kentTask) = (kent.Id, kent.WorkItemId);
        var fallback = await Portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.ReviewId == reviewId && m.Reason == EmailReasons.OverdueEscalation && m.OccurrenceKey.StartsWith($"workitem:{kentTask}:")).ToListAsync());
        var toManager = Assert.Single(fallback);
        Assert.Equal((DemoAccounts.LrManager, OutboxStatus.Sent), (toManager.RecipientAddress, toManager.Status));
        Assert.Contains($"/requests/{kentRequest}", toManager.TextBody, StringComparison.Ordinal);
    }
}

public sealed class RequestsReminderSqliteTests() : RequestsReminderTests(DatabaseProvider.Sqlite);

public sealed class RequestsReminderPostgresTests() : RequestsReminderTests(DatabaseProvider.PostgreSql);
