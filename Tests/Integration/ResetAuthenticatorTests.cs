using Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Workflows.Admin;
using Workflows.Data;

namespace Portal.Integration.Tests;

/// An administrator resets a person's lost authenticator app (issue 13): two-factor off, key and recovery codes gone,
/// a new security stamp, an email to the person, an audit row; never their own, and never by anyone else.
public sealed class ResetAuthenticatorTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Administrator_ResetsAPersonsAuthenticator_TheyAreEmailed_AndItIsAudited()
    {
        var (id, email) = await AccountWithAuthenticatorAsync();
        var stampBefore = await _portal.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync());

        var result = await _portal.Get<ResetUserAuthenticatorHandler>().HandleAsync(await _portal.ActorAsync(DemoAccounts.Admin), id);

        Assert.True(result.IsSuccess, result.Error?.Message);
        var user = await _portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.False(user.TwoFactorEnabled);
        Assert.NotEqual(stampBefore, user.SecurityStamp);
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var account = (await users.FindByIdAsync(id))!;
            Assert.Null(await users.GetAuthenticatorKeyAsync(account));
            Assert.Equal(0, await users.CountRecoveryCodesAsync(account));
        }

        var mail = await _portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.RecipientUserId == id).SingleAsync());
        Assert.Equal(email, mail.RecipientAddress);
        Assert.Equal(ResetUserAuthenticatorHandler.EmailReason, mail.Reason);
        Assert.Contains("authenticator app", mail.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Test Person", mail.TextBody, StringComparison.Ordinal);
        var audit = await _portal.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.SubjectId == id).Select(a => a.Detail).ToListAsync());
        Assert.Contains(audit, d => d != null && d.StartsWith("Authenticator app reset by an administrator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAdministratorsOwnAuthenticator_AndAnyoneButAnAdministrator_AreRefused_AndNothingChanges()
    {
        var admin = await _portal.ActorAsync(DemoAccounts.Admin);
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var account = (await users.FindByIdAsync(admin.UserId))!;
            await users.ResetAuthenticatorKeyAsync(account);
            await users.SetTwoFactorEnabledAsync(account, true);
        }

        var own = await _portal.Get<ResetUserAuthenticatorHandler>().HandleAsync(admin, admin.UserId);
        Assert.False(own.IsSuccess);
        Assert.Contains("your own", own.Error!.Message, StringComparison.Ordinal);
        Assert.True(await _portal.WithDbAsync(db => db.Users.Where(u => u.Id == admin.UserId).Select(u => u.TwoFactorEnabled).SingleAsync()));

        var (id, _) = await AccountWithAuthenticatorAsync();
        var byOfficer = await _portal.Get<ResetUserAuthenticatorHandler>().HandleAsync(await _portal.ActorAsync(DemoAccounts.LrOfficer), id);
        Assert.False(byOfficer.IsSuccess);
        Assert.True(await _portal.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.False(await _portal.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.RecipientUserId == id)));
    }

    private async Task<(string Id, string Email)> AccountWithAuthenticatorAsync()
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        await using var scope = _portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = "Test Person" };
        Assert.True((await users.CreateAsync(user, _portal.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, nameof(Role.CrgMember))).Succeeded);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        return (user.Id, email);
    }
}
