using Domain;
using Domain.Access;
using Domain.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Workflows.Accounts;
using Workflows.Admin;
using Workflows.Data;

namespace Portal.Integration.Tests;

/// A portal with the demo data and a second administrator of its own.
public sealed class RoleGrantFixture : IAsyncLifetime
{
    public const string SecondAdmin = "second-admin@example.org";

    public PortalFactory Portal { get; } = new();

    public async Task InitializeAsync()
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var second = new PortalUser { UserName = SecondAdmin, Email = SecondAdmin, DisplayName = "Sasha Second" };
        Assert.True((await users.CreateAsync(second, Portal.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(second, nameof(Role.Administrator))).Succeeded);
    }

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}

/// Granting the data protection officer's or the administrator's role takes a second administrator (issue 13, finding 3):
/// one asks, every administrator is emailed, another approves; nobody approves their own request or their own account.
public sealed class RoleGrantTests(RoleGrantFixture fixture) : IClassFixture<RoleGrantFixture>
{
    private PortalFactory Portal => fixture.Portal;

    [Fact]
    public async Task AdministratorAsksForTheDpoRole_ItIsNotGranted_UntilASecondAdministratorApproves_AndEveryAdministratorIsEmailed()
    {
        var first = await Portal.ActorAsync(DemoAccounts.Admin);
        var second = await Portal.ActorAsync(RoleGrantFixture.SecondAdmin);
        var person = await CreateAsync(first, Role.CrgMember);
        var seen = (await Portal.Get<GetUserHandler>().HandleAsync(first, person.Id)).Value;

        var change = await Portal.Get<ChangeUserHandler>().HandleAsync(first,
            new UserChange(person.Id, seen.ConcurrencyStamp, seen.DisplayName, seen.Access with { Roles = [Role.CrgMember, Role.DataProtectionOfficer] }));

        Assert.True(change.IsSuccess, change.Error?.Message);
        Assert.Equal([Role.CrgMember], (await Portal.ActorAsync(person.Email)).Roles);
        var details = (await Portal.Get<GetUserHandler>().HandleAsync(first, person.Id)).Value;
        Assert.Equal([Role.DataProtectionOfficer], details.PendingRoles);
        var asked = await EmailsAsync(person.Id, "asked for");
        Assert.Equal([DemoAccounts.Admin, RoleGrantFixture.SecondAdmin], asked.Select(m => m.RecipientAddress).Order());
        foreach (var mail in asked)
        {
            Assert.Contains(person.Id, mail.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(person.Email, mail.TextBody + mail.HtmlBody + mail.Subject, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Test Person", mail.TextBody + mail.HtmlBody + mail.Subject, StringComparison.Ordinal);
        }

        var pending = Assert.Single((await Portal.Get<ListRoleGrantsQuery>().HandleAsync(first)).Value, g => g.UserId == person.Id);
        Assert.False(pending.MayApprove);
        var own = await Portal.Get<DecideRoleGrantHandler>().HandleAsync(first, pending.Id, approve: true);
        Assert.Contains("another administrator must approve it", own.Error?.Message, StringComparison.Ordinal);
        Assert.Equal([Role.CrgMember], (await Portal.ActorAsync(person.Email)).Roles);
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == first.UserId && a.SubjectId == person.Id && a.Action == AuditAction.Refused)));

        var stamp = await StampAsync(person.Id);
        Assert.True(Assert.Single((await Portal.Get<ListRoleGrantsQuery>().HandleAsync(second)).Value, g => g.UserId == person.Id).MayApprove);
        var approved = await Portal.Get<DecideRoleGrantHandler>().HandleAsync(second, pending.Id, approve: true);

        Assert.True(approved.IsSuccess, approved.Error?.Message);
        Assert.Equal([Role.CrgMember, Role.DataProtectionOfficer], (await Portal.ActorAsync(person.Email)).Roles.Order());
        Assert.NotEqual(stamp, await StampAsync(person.Id));
        Assert.Empty(await Portal.WithDbAsync(db => db.RoleGrantRequests.Where(g => g.UserId == person.Id).ToListAsync()));
        Assert.Equal(2, (await EmailsAsync(person.Id, "approved and granted")).Count);
        var granted = await Portal.WithDbAsync(db => db.AuditEvents.SingleAsync(a => a.UserId == second.UserId && a.SubjectId == person.Id && a.Action == AuditAction.Changed));
        Assert.Contains($"Data protection officer granted: asked for by {first.UserId}", granted.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewAccountWithTheAdministratorRole_HasNoRoleUntilApproved_DecliningLeavesItWithout_AndNobodyApprovesForThemselves()
    {
        var first = await Portal.ActorAsync(DemoAccounts.Admin);
        var second = await Portal.ActorAsync(RoleGrantFixture.SecondAdmin);
        var person = await CreateAsync(first, Role.Administrator);

        Assert.Empty((await Portal.ActorAsync(person.Email)).Roles);
        var pending = Assert.Single((await Portal.Get<ListRoleGrantsQuery>().HandleAsync(second)).Value, g => g.UserId == person.Id);
        Assert.Equal(Role.Administrator, pending.Role);
        Assert.Equal("Test Person", pending.DisplayName);

        var declined = await Portal.Get<DecideRoleGrantHandler>().HandleAsync(second, pending.Id, approve: false);
        Assert.True(declined.IsSuccess, declined.Error?.Message);
        Assert.Empty((await Portal.ActorAsync(person.Email)).Roles);
        Assert.Empty(await Portal.WithDbAsync(db => db.RoleGrantRequests.Where(g => g.UserId == person.Id).ToListAsync()));
        Assert.IsType<NotFound>((await Portal.Get<DecideRoleGrantHandler>().HandleAsync(second, pending.Id, approve: true)).Error);

        // The second administrator asks for the DPO role for their own account: the first may approve it, they may not.
        var me = (await Portal.Get<GetUserHandler>().HandleAsync(second, second.UserId)).Value;
        Assert.True((await Portal.Get<ChangeUserHandler>().HandleAsync(second, new UserChange(me.Id, me.ConcurrencyStamp, me.DisplayName,
            me.Access with { Roles = [Role.Administrator, Role.DataProtectionOfficer] }))).IsSuccess);
        var mine = Assert.Single((await Portal.Get<ListRoleGrantsQuery>().HandleAsync(second)).Value, g => g.UserId == second.UserId);
        Assert.Contains("your own account", (await Portal.Get<DecideRoleGrantHandler>().HandleAsync(second, mine.Id, approve: true)).Error?.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain(Role.DataProtectionOfficer, (await Portal.ActorAsync(RoleGrantFixture.SecondAdmin)).Roles);

        // Saved again without the role, the request is withdrawn.
        me = (await Portal.Get<GetUserHandler>().HandleAsync(second, second.UserId)).Value;
        Assert.Contains(Role.DataProtectionOfficer, me.Access.Roles);
        Assert.True((await Portal.Get<ChangeUserHandler>().HandleAsync(second, new UserChange(me.Id, me.ConcurrencyStamp, me.DisplayName,
            me.Access with { Roles = [Role.Administrator] }))).IsSuccess);
        Assert.Empty(await Portal.WithDbAsync(db => db.RoleGrantRequests.Where(g => g.UserId == second.UserId).ToListAsync()));
    }

    [Fact]
    public async Task NonAdministrator_CannotListOrDecide()
    {
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);
        Assert.IsType<AccessRefused>((await Portal.Get<ListRoleGrantsQuery>().HandleAsync(manager)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<DecideRoleGrantHandler>().HandleAsync(manager, Guid.NewGuid(), approve: true)).Error);
    }

    private async Task<CreatedUser> CreateAsync(Actor admin, Role role)
    {
        var created = await Portal.Get<CreateUserHandler>().HandleAsync(admin,
            new NewUser("Test Person", $"{Guid.NewGuid():N}@example.org", null, new UserAccess([role], [], [])));
        Assert.True(created.IsSuccess, created.Error?.Message);
        return created.Value;
    }

    private Task<List<Domain.Email.OutboxMessage>> EmailsAsync(string userId, string what) => Portal.WithDbAsync(db =>
        db.OutboxMessages.AsNoTracking().Where(m => m.Reason == RoleGrants.EmailReason && m.TextBody.Contains(userId) && m.Subject.Contains(what)).ToListAsync());

    private Task<string?> StampAsync(string userId) => Portal.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync());
}
