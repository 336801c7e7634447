using Domain.Access;
using Domain.Email;
using Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Testing;
using Workflows.Data;
using Workflows.Email;
using Workflows.Time;

namespace Portal.Integration.Tests;

/// The outbox and its dispatcher against real SMTP: delivered once, with a stable Message-Id, retried with backoff while
/// the server is down, an incident meanwhile, and never a real name in a message.
public sealed class EmailTests(SqliteMailFixture fixture) : IClassFixture<SqliteMailFixture>
{
    private PortalFactory Portal => fixture.Portal;

    private MailDev Mail => fixture.Mail;

    private static string NewRecipient() => $"{Guid.NewGuid():N}@mail.example.org";

    private async Task<bool> EnqueueAsync(string recipient, string occurrence = "1")
    {
        await using var db = await Portal.Get<IReviewDbFactory>().CreateAsync();
        var queued = await Portal.Get<IOutbox>().EnqueueAsync(db, new OutgoingEmail(recipient, null, EmailReasons.Invitation, occurrence, "Invitation",
            new Dictionary<string, string> { ["Link"] = "http://portal.test/x?token=abc", ["Roles"] = "Test <role>", ["ExpiresAt"] = "30 Nov 2026 10:00", ["PortalBaseUrl"] = "http://portal.test" }));
        await db.SaveChangesAsync();
        return queued;
    }

    private Task<OutboxMessage> MessageAsync(string recipient) =>
        Portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.RecipientAddress == recipient));

    private OutboxDispatcher DispatcherWithSmtpDown() => Portal.DispatcherWithSmtpDown();

    [Fact]
    public async Task RunOnce_DeliversThroughSmtpOnce_WithTheOutboxMessageId()
    {
        var to = NewRecipient();
        Assert.True(await EnqueueAsync(to));

        await Portal.Get<OutboxDispatcher>().RunOnceAsync();
        await Portal.Get<OutboxDispatcher>().RunOnceAsync();

        var message = await MessageAsync(to);
        var received = Assert.Single(await Mail.WaitForAsync(to));
        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.Equal(Portal.Time.GetUtcNow().UtcDateTime, message.SentAtUtc);
        Assert.Equal($"<outbox-{message.Id}.{message.Nonce}@review-portal.local>", received.MessageId);
        Assert.Matches("^[0-9a-f]{16}$", message.Nonce);
        Assert.Equal("You are invited to the Review Portal", received.Subject);
        Assert.Contains("Test <role>", received.Text, StringComparison.Ordinal);
        Assert.Contains("Test &lt;role&gt;", received.Html, StringComparison.Ordinal);
        Assert.Contains("http://portal.test/x?token=abc", received.Text, StringComparison.Ordinal);
        Assert.Single(await Mail.ForAsync(to));
        await Mail.ClearAsync(to);
    }

    [Fact]
    public async Task Enqueue_SameRecipientReasonAndOccurrence_IsQueuedOnce()
    {
        var to = NewRecipient();

        Assert.True(await EnqueueAsync(to, "42"));
        Assert.False(await EnqueueAsync(to.ToUpperInvariant(), "42"));
        Assert.True(await EnqueueAsync(to, "43"));

        Assert.Equal(2, await Portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.RecipientAddress.ToLower() == to)));
    }

    [Fact]
    public async Task SmtpDown_RetriesWithBackoffAndOpensAnIncident_ThenSendsAndResolvesIt()
    {
        var to = NewRecipient();
        await EnqueueAsync(to);
        var down = DispatcherWithSmtpDown();
        var admin = await Portal.ActorAsync(DemoAccounts.Admin);
        var incidents = Portal.Get<OpenIncidentsQuery>();

        // Attempts at 0, +1, +2, +4, +8 minutes: each failure doubles the wait.
        var expectedWaits = new[] { 1, 2, 4, 8, 16 };
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var before = Portal.Time.GetUtcNow().UtcDateTime;
            await down.RunOnceAsync();
            var message = await MessageAsync(to);
            Assert.Equal(OutboxStatus.Failed, message.Status);
            Assert.Equal(attempt, message.Attempts);
            Assert.Equal(before.AddMinutes(expectedWaits[attempt - 1]), message.NextAttemptUtc);
            Assert.Contains("SocketException", message.LastError, StringComparison.Ordinal);

            // Not due yet: a second run (or a second process) leaves it alone.
            await down.RunOnceAsync();
            Assert.Equal(attempt, (await MessageAsync(to)).Attempts);
            Assert.Equal(attempt == 5, (await incidents.HandleAsync(admin)).Count > 0);
            Portal.Time.Advance(TimeSpan.FromMinutes(expectedWaits[attempt - 1]));
        }

        var incident = Assert.Single(await incidents.HandleAsync(admin));
        Assert.Equal(IncidentKind.EmailDelivery, incident.Kind);
        Assert.Contains("failed to send 5 or more times", incident.Message, StringComparison.Ordinal);
        Assert.Empty(await incidents.HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer)));
        Assert.Empty(await Mail.ForAsync(to));

        await Portal.Get<OutboxDispatcher>().RunOnceAsync();

        Assert.Single(await Mail.WaitForAsync(to));
        Assert.Equal(OutboxStatus.Sent, (await MessageAsync(to)).Status);
        Assert.Empty(await incidents.HandleAsync(admin));
        Assert.NotNull(await Portal.WithDbAsync(db => db.Incidents.Where(i => i.Id == incident.Id).Select(i => i.ResolvedAtUtc).SingleAsync()));
        await Mail.ClearAsync(to);
    }

    [Fact]
    public async Task RunOnce_TwoDispatchersAtOnce_SendEachMessageOnce()
    {
        var recipients = Enumerable.Range(0, 6).Select(_ => NewRecipient()).ToList();
        foreach (var to in recipients)
        {
            await EnqueueAsync(to);
        }

        var dispatcher = Portal.Get<OutboxDispatcher>();
        await Task.WhenAll(dispatcher.RunOnceAsync(), dispatcher.RunOnceAsync(), dispatcher.RunOnceAsync());

        foreach (var to in recipients)
        {
            Assert.Single(await Mail.WaitForAsync(to));
            Assert.Equal(OutboxStatus.Sent, (await MessageAsync(to)).Status);
            await Mail.ClearAsync(to);
        }
    }

    [Fact]
    public async Task RunOnce_AClaimLeftByACrashedProcess_IsTakenOverAfterTheTimeout()
    {
        var to = NewRecipient();
        await EnqueueAsync(to);
        var id = (await MessageAsync(to)).Id;
        var claimedAt = Portal.Time.GetUtcNow().UtcDateTime;
        await Portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.ClaimToken, Guid.NewGuid()).SetProperty(m => m.ClaimedAtUtc, claimedAt)));

        await Portal.Get<OutboxDispatcher>().RunOnceAsync();
        Assert.Equal(OutboxStatus.Sending, (await MessageAsync(to)).Status);

        Portal.Time.Advance(Portal.Get<EmailOptions>().ClaimTimeout + TimeSpan.FromSeconds(1));
        await Portal.Get<OutboxDispatcher>().RunOnceAsync();

        Assert.Equal(OutboxStatus.Sent, (await MessageAsync(to)).Status);
        Assert.Single(await Mail.WaitForAsync(to));
        await Mail.ClearAsync(to);
    }

    [Fact]
    public async Task PickupTransport_WritesOneEmlFilePerMessage_WithItsMessageId()
    {
        var folder = Path.Combine(Portal.DataPath, "pickup-test");
        var transport = new PickupFolderTransport(folder, Portal.Get<EmailOptions>());
        var message = new OutboxMessage
        {
            Id = 987654, Nonce = "0123456789abcdef", RecipientAddress = "someone@example.org", Reason = "Test", OccurrenceKey = "1", DedupeKey = "k",
            Subject = "Subject line", TextBody = "Plain body", HtmlBody = "<p>HTML body</p>",
        };

        await transport.SendAsync(message, CancellationToken.None);
        await transport.SendAsync(message, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.Equal("outbox-987654.eml", Path.GetFileName(file));
        var eml = await File.ReadAllTextAsync(file);
        Assert.Contains("Message-Id: <outbox-987654.0123456789abcdef@review-portal.local>", eml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Subject: Subject line", eml, StringComparison.Ordinal);
        Assert.Contains("Plain body", eml, StringComparison.Ordinal);
    }
}
