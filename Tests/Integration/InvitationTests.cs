using System.Text.RegularExpressions;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Workflows.Accounts;
using Workflows.Admin;
using Workflows.Data;
using Workflows.Email;

namespace Portal.Integration.Tests;

/// Accounts by email through the handlers: who may invite whom, the link working once, expiring and being replaced,
/// disabling an account, and no names in the email. The emails stay in the outbox (nothing dispatches them here).
public abstract partial class InvitationTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private Task<int> AgencyAsync(string name) => Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    private async Task<Result<InvitedUser>> InviteAsync(string inviter, Role role, string? email = null, string name = "Ina Invited")
    {
        var agencies = role == Role.AgencyContact ? new[] { await AgencyAsync("Kent Police") } : [];
        var offices = role is Role.ReviewOfficer or Role.Manager
            ? new[] { await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "LR").Select(o => o.Id).SingleAsync()) } : [];
        return await Portal.Get<InviteUserHandler>().HandleAsync(await Portal.ActorAsync(inviter),
            new Invite(name, email ?? $"{Guid.NewGuid():N}@invited.example.org", new UserAccess([role], offices, agencies)));
    }

    /// The link is a secret of the outbox (the stored body holds "{{Link}}"): it is filled in as the message is sent.
    private async Task<string> TokenAsync(string userId, int nth = 0)
    {
        var messages = await Portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.RecipientUserId == userId && m.Reason == "Invitation")
            .OrderBy(m => m.Id).ToListAsync());
        return TokenPattern().Match(Portal.Get<OutboxSecrets>().Fill(messages[nth]).TextBody).Groups[1].Value;
    }

    [GeneratedRegex(@"AcceptInvitation\?token=([A-Za-z0-9_-]+)")]
    private static partial Regex TokenPattern();

    [Fact]
    public async Task Invite_ByAnOfficer_CreatesAnAccountWithoutPasswordAndQueuesANamelessEmail()
    {
        var result = await InviteAsync(DemoAccounts.LrOfficer, Role.IndependentAuthor, name: "Zebedee Uniquename");

        Assert.True(result.IsSuccess, result.Error?.Message);
        var invited = result.Value;
        Assert.Equal(Portal.Time.GetUtcNow().UtcDateTime.AddDays(7), invited.ExpiresAtUtc);
        var user = await Portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == invited.Id));
        Assert.Null(user.PasswordHash);
        var message = await Portal.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.RecipientUserId == invited.Id));
        Assert.Equal(invited.Email, message.RecipientAddress);
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Contains("Independent chair/author", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Zebedee", message.TextBody + message.HtmlBody + message.Subject, StringComparison.OrdinalIgnoreCase);
        var token = await TokenAsync(invited.Id);
        Assert.Equal(43, token.Length);
        Assert.False(await Portal.WithDbAsync(db => db.Invitations.AnyAsync(i => i.TokenHash == token)), "only the hash is stored");
        Assert.Equal("Created account: display name, email, invitation, roles. Roles: Independent chair/author.", await Portal.WithDbAsync(db => db.AuditEvents
            .Where(a => a.SubjectId == invited.Id && a.Action == AuditAction.Created).Select(a => a.Detail).SingleAsync()));
    }

    [Fact]
    public async Task Invite_AnOfficeRoleByAnOfficer_IsRefusedAndAudited_ButAnAdministratorMayInviteAnyone()
    {
        var officer = await Portal.ActorAsync(DemoAccounts.LrManager);

        var refused = await InviteAsync(DemoAccounts.LrManager, Role.ReviewOfficer);
        var byCrg = await InviteAsync(DemoAccounts.CrgMember, Role.IndependentAuthor);
        var byAdmin = await InviteAsync(DemoAccounts.Admin, Role.ReviewOfficer);

        Assert.Contains("can invite independent authors, and ask for agency contacts", refused.Error!.Message, StringComparison.Ordinal);
        Assert.IsType<AccessRefused>(byCrg.Error);
        Assert.True(byAdmin.IsSuccess, byAdmin.Error?.Message);
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == officer.UserId && a.Action == AuditAction.Refused && a.Detail == "invite a user")));
    }

    [Fact]
    public async Task Invite_InvalidInput_UsesTheSameValidationAsCreatingAnAccount()
    {
        var taken = await InviteAsync(DemoAccounts.Admin, Role.CrgMember, email: DemoAccounts.Dpo);
        var noAgency = await Portal.Get<InviteUserHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.Admin),
            new Invite("No Agency", $"{Guid.NewGuid():N}@example.org", new UserAccess([Role.AgencyContact], [], [])));

        Assert.Contains("already exists", Assert.Single(Assert.IsType<ValidationFailed>(taken.Error).Errors).Message, StringComparison.Ordinal);
        Assert.Equal(nameof(UserAccess.AgencyIds), Assert.Single(Assert.IsType<ValidationFailed>(noAgency.Error).Errors).Field);
    }

    [Fact]
    public async Task Accept_SetsThePasswordOnce_ThenTheLinkSaysItWasUsed()
    {
        var invited = (await InviteAsync(DemoAccounts.LrOfficer, Role.IndependentAuthor)).Value;
        var token = await TokenAsync(invited.Id);
        var handler = Portal.Get<AcceptInvitationHandler>();

        var weak = await handler.AcceptAsync(token, "short");
        var accepted = await handler.AcceptAsync(token, "A-Good-Password-2026!");
        var again = await handler.AcceptAsync(token, "Another-Password-2026!");

        Assert.Equal("Password", Assert.IsType<ValidationFailed>(weak.Error).Errors[0].Field);
        Assert.True(accepted.IsSuccess, accepted.Error?.Message);
        Assert.Contains("already been used", Assert.IsType<InvitationUnusable>(again.Error).Message, StringComparison.Ordinal);
        Assert.Contains("already been used", (await handler.CheckAsync(token)).Error!.Message, StringComparison.Ordinal);
        await using var scope = Portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(invited.Id);
        Assert.True(await users.CheckPasswordAsync(user!, "A-Good-Password-2026!"));
        Assert.True(user!.EmailConfirmed);
    }

    [Fact]
    public async Task Resend_ReplacesTheLink_AndAnExpiredLinkSaysAskForANewOne()
    {
        var invited = (await InviteAsync(DemoAccounts.Admin, Role.CrgMember)).Value;
        var first = await TokenAsync(invited.Id);
        var resent = await Portal.Get<ResendInvitationHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.Admin), invited.Id);
        var byOfficer = await Portal.Get<ResendInvitationHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), invited.Id);
        var second = await TokenAsync(invited.Id, 1);
        var handler = Portal.Get<AcceptInvitationHandler>();

        Assert.True(resent.IsSuccess, resent.Error?.Message);
        Assert.IsType<AccessRefused>(byOfficer.Error);
        Assert.Contains("replaced by a newer one", (await handler.CheckAsync(first)).Error!.Message, StringComparison.Ordinal);
        Assert.True((await handler.CheckAsync(second)).IsSuccess);
        Assert.Contains("not valid", (await handler.CheckAsync("made-up-token")).Error!.Message, StringComparison.Ordinal);

        await Portal.WithDbAsync(db => db.Invitations.Where(i => i.UserId == invited.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAtUtc, i => i.CreatedAtUtc)));
        var expired = await handler.AcceptAsync(second, "A-Good-Password-2026!");
        Assert.Contains("expired", expired.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("new invitation", expired.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_EndsAccessAndChangesTheStamp_NotForYourself_AndEnableRestores()
    {
        var invited = (await InviteAsync(DemoAccounts.LrOfficer, Role.IndependentAuthor)).Value;
        var admin = await Portal.ActorAsync(DemoAccounts.Admin);
        var handler = Portal.Get<SetUserDisabledHandler>();
        var stamp = await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == invited.Id).Select(u => u.SecurityStamp).SingleAsync());

        var self = await handler.HandleAsync(admin, admin.UserId, disabled: true);
        var byOfficer = await handler.HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), invited.Id, disabled: true);
        var off = await handler.HandleAsync(admin, invited.Id, disabled: true);

        Assert.Contains("cannot disable your own account", self.Error!.Message, StringComparison.Ordinal);
        Assert.IsType<AccessRefused>(byOfficer.Error);
        Assert.True(off.IsSuccess, off.Error?.Message);
        Assert.Equal(Actor.Anonymous, await Portal.ActorAsync(invited.Email));
        Assert.NotEqual(stamp, await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == invited.Id).Select(u => u.SecurityStamp).SingleAsync()));
        Assert.Contains("disabled", (await Portal.Get<AcceptInvitationHandler>().CheckAsync(await TokenAsync(invited.Id))).Error!.Message, StringComparison.Ordinal);

        Assert.True((await handler.HandleAsync(admin, invited.Id, disabled: false)).IsSuccess);
        Assert.Equal([Role.IndependentAuthor], (await Portal.ActorAsync(invited.Email)).Roles);
        Assert.Equal(["Disabled", "Enabled"], await Portal.WithDbAsync(db => db.AuditEvents
            .Where(a => a.SubjectId == invited.Id && a.Action == AuditAction.Changed).OrderBy(a => a.Id).Select(a => a.Detail!).ToListAsync()));
    }

    [Fact]
    public async Task Disable_ReturnsTheOpenAssignedWorkToTheTeamQueue_Audited()
    {
        var officer = (await InviteAsync(DemoAccounts.Admin, Role.ReviewOfficer)).Value;
        var reviewId = await WorkflowEngineTests.RegisterAsync(Portal, new DateOnly(2026, 11, 20));
        var itemId = await Portal.WithDbAsync(async db =>
        {
            var item = await db.WorkItems.SingleAsync(w => w.ReviewId == reviewId);
            item.Assign(officer.Id, DateTime.UtcNow);
            await db.SaveChangesAsync();
            return item.Id;
        });

        var off = await Portal.Get<SetUserDisabledHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.Admin), officer.Id, disabled: true);

        Assert.True(off.IsSuccess, off.Error?.Message);
        var (assignee, audited) = await Portal.WithDbAsync(async db => (
            await db.WorkItems.Where(w => w.Id == itemId).Select(w => w.AssigneeUserId).SingleAsync(),
            await db.AuditEvents.Where(a => a.Subject == "WorkItem" && a.SubjectId == itemId.ToString()).Select(a => a.Detail!).ToListAsync()));
        Assert.Null(assignee);
        Assert.Contains(audited, d => d.Contains("to the team queue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Emails_NeverContainARealNameHeldForAnyReview()
    {
        await InviteAsync(DemoAccounts.Admin, Role.IndependentAuthor);
        var names = await Portal.RealNamesAsync();
        var displayNames = await Portal.WithDbAsync(db => db.Users.Select(u => u.DisplayName).ToListAsync());
        var bodies = await Portal.WithDbAsync(db => db.OutboxMessages.Select(m => m.Subject + "\n" + m.TextBody + "\n" + m.HtmlBody).ToListAsync());

        Assert.NotEmpty(bodies);
        foreach (var name in names.Concat(displayNames).OfType<string>().Where(n => n.Length > 3))
        {
            Assert.All(bodies, body => Assert.DoesNotContain(name, body, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Preferences_AreTheUsersOwn_AndTheDigestIsForManagers()
    {
        var handler = Portal.Get<EmailPreferencesHandler>();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);

        var defaults = await handler.GetAsync(officer);
        var officerDigest = await handler.SaveAsync(officer, dueSoonReminders: false, dailyDigest: true);
        var managerDigest = await handler.SaveAsync(manager, dueSoonReminders: true, dailyDigest: true);

        Assert.Equal(new EmailPreferences(true, false, false), defaults.Value);
        Assert.Equal(nameof(EmailPreferences.DailyDigest), officerDigest.Error!.Field);
        Assert.Equal(new EmailPreferences(true, true, true), managerDigest.Value);
        Assert.Equal(new EmailPreferences(true, true, true), (await handler.GetAsync(manager)).Value);
        Assert.IsType<AccessRefused>((await handler.GetAsync(Actor.Anonymous)).Error);
    }
}

public sealed class SqliteInvitationTests(SqliteFixture fixture) : InvitationTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresInvitationTests(PostgresFixture fixture) : InvitationTests(fixture), IClassFixture<PostgresFixture>;
