using Domain;
using Domain.Access;
using Domain.ActionPlans;
using Domain.Audit;
using Domain.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Workflows.Accounts;
using Workflows.ActionPlans;
using Workflows.Data;
using static Portal.Testing.ActionPlanScenario;

namespace Portal.Integration.Tests;

/// Issue 18: the register of delivery groups and boards, through the handlers the page calls, on SQLite and PostgreSQL.
/// The office's manager adds, renames and stands down its groups (bad input refused beside the field, a group with open
/// actions not stood down); the pickers name a group by its kind; a manager of another office, a review officer and a
/// board member cannot see or change the register (audited); and a manager gets a group's contact only through the
/// administrator's approval, with the Agency contact role for that group alone.
public abstract class DeliveryGroupRegisterTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private DeliveryGroupRegister Register => Portal.Get<DeliveryGroupRegister>();

    private Task<int> OfficeAsync(string code) => Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync());

    private Task<int> RefusalsAsync(string email) =>
        Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserEmail == email && a.Action == AuditAction.Refused && a.Subject == DeliveryGroupRegister.Subject));

    /// A manager of the Kent office (once per portal).
    private async Task<string> KentManagerAsync()
    {
        const string email = "manager@kent.example.org";
        using var scope = Portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByEmailAsync(email) is null)
        {
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Kit Kentmanager" };
            Assert.True((await users.CreateAsync(user, Portal.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Manager)).Succeeded);
            var kent = await OfficeAsync("KT");
            await Portal.WithDbAsync(async db =>
            {
                db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = kent });
                return await db.SaveChangesAsync();
            });
        }

        return email;
    }

    [Fact]
    public async Task Manager_AddsRenamesAndStandsDownAGroup_BadInputRefusedBesideTheField_PickersNameItByKind()
    {
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);
        var lr = await OfficeAsync("LR");
        var name = $"Safer Rutland Board {Guid.NewGuid():N}"[..30];

        var blank = await Register.AddAsync(manager, new NewDeliveryGroup(lr, "  ", GroupKind.Board));
        var noKind = await Register.AddAsync(manager, new NewDeliveryGroup(lr, name, null));
        Assert.Equal(["Name"], Assert.IsType<ValidationFailed>(blank.Error).Errors.Select(e => e.Field));
        Assert.Equal(["Group"], Assert.IsType<ValidationFailed>(noKind.Error).Errors.Select(e => e.Field));
        var taken = await Register.AddAsync(manager, new NewDeliveryGroup(lr, "Leicestershire Police", GroupKind.Board));
        Assert.Equal(["Name"], Assert.IsType<ValidationFailed>(taken.Error).Errors.Select(e => e.Field));
        Assert.False(await Portal.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Name == name)));

        var added = await Register.AddAsync(manager, new NewDeliveryGroup(lr, name, GroupKind.Board));
        Assert.True(added.IsSuccess, added.Error?.Message);
        var row = (await Register.ListAsync(manager)).Value.Groups.Single(g => g.Id == added.Value);
        Assert.Equal((name, GroupKind.Board, 0, true), (row.Name, row.Kind, row.OpenActions, row.CanChange));
        Assert.Empty(row.Contacts);
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserEmail == DemoAccounts.LrManager && a.Action == AuditAction.Created
            && a.Subject == DeliveryGroupRegister.Subject && a.SubjectId == added.Value.ToString())));

        // The owner pickers of the office's reviews offer it, named by its kind.
        var reviewId = await ReviewAtSignOffAsync(Portal);
        Assert.Contains(await Portal.Get<ActionPlanLookups>().OwnerAgenciesAsync(reviewId), c => c.Id == added.Value && c.Name == $"Board: {name}");

        var renamed = name + " renamed";
        var changed = await Register.ChangeAsync(manager, new DeliveryGroupChange(row.Id, row.Version, renamed, GroupKind.DeliveryGroup));
        Assert.True(changed.IsSuccess, changed.Error?.Message);
        var stale = await Register.ChangeAsync(manager, new DeliveryGroupChange(row.Id, row.Version, "Another name", GroupKind.Board));
        Assert.IsType<Conflict>(stale.Error);
        Assert.Equal((renamed, GroupKind.DeliveryGroup), await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Id == row.Id)
            .Select(o => new ValueTuple<string, GroupKind>(o.Name, o.Group!.Value)).SingleAsync()));

        var stood = await Register.StandDownAsync(manager, row.Id, changed.Value);
        Assert.True(stood.IsSuccess, stood.Error?.Message);
        Assert.DoesNotContain((await Register.ListAsync(manager)).Value.Groups, g => g.Id == row.Id);
        Assert.DoesNotContain(await Portal.Get<ActionPlanLookups>().OwnerAgenciesAsync(reviewId), c => c.Id == row.Id);
    }

    [Fact]
    public async Task StandDown_RefusedWhileTheGroupOwnsAnOpenAction_WithAClearMessage()
    {
        await DeliveryGroupAsync(Portal);
        var reviewId = await ReviewAtSignOffAsync(Portal);
        await ActionAsync(Portal, reviewId, await RecommendationAsync(Portal, reviewId), DeliveryGroupEmail, DeliveryGroup);
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);
        var row = (await Register.ListAsync(manager)).Value.Groups.Single(g => g.Name == DeliveryGroup);
        Assert.True(row.OpenActions >= 1);
        Assert.Contains("Dana Group", row.Contacts);

        var refused = await Register.StandDownAsync(manager, row.Id, row.Version);

        Assert.Contains($"owns {row.OpenActions} open action", refused.Error!.Message, StringComparison.Ordinal);
        Assert.True(await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Id == row.Id).Select(o => o.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task OtherOfficesManager_OfficerAndBoardMember_CannotSeeOrChangeTheRegister_EachRefusalAudited()
    {
        await DeliveryGroupAsync(Portal);
        var lr = await OfficeAsync("LR");
        var group = await AgencyIdAsync(Portal, DeliveryGroup);
        var version = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Id == group).Select(o => o.Version).SingleAsync());
        var kentEmail = await KentManagerAsync();
        var kent = await Portal.ActorAsync(kentEmail);

        // Kent's manager sees Kent's register only, and cannot add to, rename or stand down Leicestershire's.
        Assert.DoesNotContain((await Register.ListAsync(kent)).Value.Groups, g => g.Id == group);
        var before = await RefusalsAsync(kentEmail);
        Assert.IsType<AccessRefused>((await Register.AddAsync(kent, new NewDeliveryGroup(lr, "Kent's Group In Leicestershire", GroupKind.Board))).Error);
        Assert.IsType<AccessRefused>((await Register.ChangeAsync(kent, new DeliveryGroupChange(group, version, "Hijacked", GroupKind.Board))).Error);
        Assert.IsType<AccessRefused>((await Register.StandDownAsync(kent, group, version)).Error);
        Assert.Equal(before + 3, await RefusalsAsync(kentEmail));
        Assert.Equal((DeliveryGroup, true), await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Id == group)
            .Select(o => new ValueTuple<string, bool>(o.Name, o.IsActive)).SingleAsync()));
        Assert.False(await Portal.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Name == "Kent's Group In Leicestershire")));

        foreach (var who in new[] { DemoAccounts.LrOfficer, DemoAccounts.BoardMember, DemoAccounts.AgencyContact })
        {
            var actor = await Portal.ActorAsync(who);
            var was = await RefusalsAsync(who);
            Assert.IsType<AccessRefused>((await Register.ListAsync(actor)).Error);
            Assert.IsType<AccessRefused>((await Register.AddAsync(actor, new NewDeliveryGroup(lr, "Not Allowed Group", GroupKind.Board))).Error);
            Assert.Equal(was + 2, await RefusalsAsync(who));
        }
    }

    /// A manager's account cannot give any role: a direct invitation as an agency contact or manager is refused; asking
    /// for the group's contact waits for an administrator, whose approval gives the Agency contact role for that group
    /// only; a manager of another office cannot even ask for one of Leicestershire's group.
    [Fact]
    public async Task Manager_GetsAGroupsContactOnlyThroughTheAdministrator_WithTheAgencyContactRoleForThatGroupOnly()
    {
        await DeliveryGroupAsync(Portal);
        var group = await AgencyIdAsync(Portal, DeliveryGroup);
        var lr = await OfficeAsync("LR");
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);
        var invite = Portal.Get<InviteUserHandler>();
        foreach (var roles in new[] { new[] { Role.AgencyContact }, [Role.Manager], [Role.Administrator], [Role.IndependentAuthor, Role.Manager] })
        {
            var email = $"{Guid.NewGuid():N}@group.example.org";
            var refused = await invite.HandleAsync(manager, new Invite("Eve Escalate", email, new UserAccess(roles, [lr], [group])));
            Assert.False(refused.IsSuccess);
            Assert.False(await Portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        }

        var kent = await Portal.ActorAsync(await KentManagerAsync());
        var kentAsk = await Portal.Get<AskForAgencyContactHandler>().HandleAsync(kent, new AskForAgencyContact("Kim Other", $"{Guid.NewGuid():N}@group.example.org", group));
        Assert.IsType<ValidationFailed>(kentAsk.Error);

        var contactEmail = $"{Guid.NewGuid():N}@group.example.org";
        var asked = await Portal.Get<AskForAgencyContactHandler>().HandleAsync(manager, new AskForAgencyContact("Gail Group", contactEmail, group));
        Assert.True(asked.IsSuccess, asked.Error?.Message);
        Assert.False(await Portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == contactEmail)));
        var version = await Portal.WithDbAsync(db => db.AgencyContactRequests.Where(r => r.Id == asked.Value.RequestId).Select(r => r.Version).SingleAsync());
        var decide = Portal.Get<DecideAgencyContactRequestHandler>();
        Assert.IsType<AccessRefused>((await decide.ApproveAsync(manager, asked.Value.RequestId, version)).Error);
        Assert.True((await decide.ApproveAsync(await Portal.ActorAsync(DemoAccounts.Admin), asked.Value.RequestId, version)).IsSuccess);

        var contact = await Portal.ActorAsync(contactEmail);
        Assert.Equal([Role.AgencyContact], contact.Roles);
        Assert.Equal([group], contact.AgencyIds);
        Assert.Empty(contact.OfficeIds);
        Assert.Contains("Gail Group", (await Register.ListAsync(manager)).Value.Groups.Single(g => g.Id == group).Contacts);
    }
}

public sealed class SqliteDeliveryGroupRegisterTests(SqliteFixture fixture) : DeliveryGroupRegisterTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresDeliveryGroupRegisterTests(PostgresFixture fixture) : DeliveryGroupRegisterTests(fixture), IClassFixture<PostgresFixture>;
