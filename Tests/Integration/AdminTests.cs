using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Workflows;
using Workflows.Accounts;
using Workflows.Admin;
using Workflows.Data;
using Workflows.Reviews;

namespace Portal.Integration.Tests;

/// Administrators managing organisations and accounts through the handlers, on a real database of each provider.
public abstract class AdminTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private Task<Actor> AdminAsync() => Portal.ActorAsync(DemoAccounts.Admin);

    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static string UniqueCode() => new(Enumerable.Range(0, 6).Select(_ => (char)('A' + Random.Shared.Next(26))).ToArray());

    private Task<int> OrganisationIdAsync(string name) => Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    private async Task<int> CreateOrganisationAsync(OrganisationInput input)
    {
        var result = await Portal.Get<SaveOrganisationHandler>().CreateAsync(await AdminAsync(), input);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value.Id;
    }

    private static UserAccess Access(Role role, int[]? offices = null, int[]? agencies = null) => new([role], offices ?? [], agencies ?? []);

    private async Task<CreatedUser> CreateUserAsync(UserAccess access, string? password = null)
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        var result = await Portal.Get<CreateUserHandler>().HandleAsync(await AdminAsync(), new NewUser("Test Person", email, password, access));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    private async Task<UserDetails> UserAsync(string id) => (await Portal.Get<GetUserHandler>().HandleAsync(await AdminAsync(), id)).Value;

    [Fact]
    public async Task CreateOrganisation_ReviewOffice_IsSavedWithUpperCaseCodeAndAuditedByFieldName()
    {
        var name = Unique("Office");
        var code = UniqueCode();
        var id = await CreateOrganisationAsync(new OrganisationInput($"  {name} ", OrganisationKind.ReviewOffice, code.ToLowerInvariant()));

        var (org, audit) = await Portal.WithDbAsync(async db => (
            await db.Organisations.SingleAsync(o => o.Id == id),
            await db.AuditEvents.SingleAsync(a => a.Subject == "Organisation" && a.SubjectId == id.ToString() && a.Action == AuditAction.Created)));
        Assert.Equal(name, org.Name);
        Assert.Equal(code, org.Code);
        Assert.True(org.IsActive);
        Assert.Equal("Created organisation: name, kind, code", audit.Detail);
    }

    [Fact]
    public async Task CreateOrganisation_InvalidOrDuplicate_ReturnsAnErrorPerFieldAndSavesNothing()
    {
        var handler = Portal.Get<SaveOrganisationHandler>();
        var admin = await AdminAsync();
        var before = await Portal.WithDbAsync(db => db.Organisations.CountAsync());

        var noCode = await handler.CreateAsync(admin, new OrganisationInput(Unique("Office"), OrganisationKind.ReviewOffice, null));
        var duplicate = await handler.CreateAsync(admin, new OrganisationInput("KENT POLICE", OrganisationKind.Agency));
        var takenCode = await handler.CreateAsync(admin, new OrganisationInput(Unique("Office"), OrganisationKind.ReviewOffice, "lr"));
        var badOffice = await handler.CreateAsync(admin, new OrganisationInput(Unique("CSP"), OrganisationKind.Csp, null, await OrganisationIdAsync("Kent Police")));

        Assert.Contains(Assert.IsType<ValidationFailed>(noCode.Error).Errors, e => e.Field == nameof(Organisation.Code));
        Assert.Contains(Assert.IsType<ValidationFailed>(duplicate.Error).Errors,
            e => e.Field == nameof(Organisation.Name) && e.Message.Contains("already an agency called", StringComparison.Ordinal));
        Assert.Contains(Assert.IsType<ValidationFailed>(takenCode.Error).Errors,
            e => e.Field == nameof(Organisation.Code) && e.Message.Contains("already used by Leicestershire & Rutland", StringComparison.Ordinal));
        Assert.Contains(Assert.IsType<ValidationFailed>(badOffice.Error).Errors, e => e.Field == nameof(Organisation.ServingOfficeId));
        Assert.Equal(before, await Portal.WithDbAsync(db => db.Organisations.CountAsync()));
    }

    [Fact]
    public async Task OrganisationHandlers_ForANonAdministrator_AreRefusedAndAudited()
    {
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var kentPolice = await OrganisationIdAsync("Kent Police");

        var create = await Portal.Get<SaveOrganisationHandler>().CreateAsync(officer, new OrganisationInput(Unique("Agency"), OrganisationKind.Agency));
        var deactivate = await Portal.Get<SetOrganisationActiveHandler>().HandleAsync(officer, kentPolice, 0, active: false);
        var list = await Portal.Get<ListOrganisationsQuery>().HandleAsync(officer, new OrganisationFilter(), new PageRequest());

        Assert.IsType<AccessRefused>(create.Error);
        Assert.IsType<AccessRefused>(deactivate.Error);
        Assert.IsType<AccessRefused>(list.Error);
        Assert.True(await Portal.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Id == kentPolice && o.IsActive)));
        var refusals = await Portal.WithDbAsync(db => db.AuditEvents
            .Where(a => a.UserId == officer.UserId && a.Action == AuditAction.Refused && a.Subject == "Organisation").Select(a => a.Detail).ToListAsync());
        Assert.Contains("create an organisation", refusals);
        Assert.Contains("deactivate an organisation", refusals);
    }

    [Fact]
    public async Task ChangeOrganisation_FromAStaleVersion_IsAConflictAndKeepsTheOtherChange()
    {
        var handler = Portal.Get<SaveOrganisationHandler>();
        var admin = await AdminAsync();
        var office = await OrganisationIdAsync("Kent Community Safety Team");
        var name = Unique("CSP");
        var id = await CreateOrganisationAsync(new OrganisationInput(name, OrganisationKind.Csp, null, office));

        var first = await handler.ChangeAsync(admin, id, 0, new OrganisationInput(name + " renamed", OrganisationKind.Csp, null, office));
        var second = await handler.ChangeAsync(admin, id, 0, new OrganisationInput(name + " other", OrganisationKind.Csp, null, office));

        Assert.True(first.IsSuccess, first.Error?.Message);
        Assert.Equal(1, first.Value.Version);
        Assert.IsType<Conflict>(second.Error);
        Assert.Equal(name + " renamed", await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.Name).SingleAsync()));
        Assert.Equal("Changed: name", await Portal.WithDbAsync(db => db.AuditEvents
            .Where(a => a.SubjectId == id.ToString() && a.Action == AuditAction.Changed).Select(a => a.Detail).SingleAsync()));
    }

    [Fact]
    public async Task EscalationEmail_SetOnACspAndAnAgency_CheckedAndAudited_NotForAReviewOffice()
    {
        var handler = Portal.Get<SaveOrganisationHandler>();
        var admin = await AdminAsync();
        var name = Unique("CSP");
        var csp = await CreateOrganisationAsync(new OrganisationInput(name, OrganisationKind.Csp));

        var bad = await handler.ChangeAsync(admin, csp, 0, new OrganisationInput(name, OrganisationKind.Csp, EscalationEmail: "the chair"));
        var good = await handler.ChangeAsync(admin, csp, 0, new OrganisationInput(name, OrganisationKind.Csp, EscalationEmail: " chair@csp.example.org "));
        var office = await handler.CreateAsync(admin, new OrganisationInput(Unique("Office"), OrganisationKind.ReviewOffice, "ZQ", EscalationEmail: "x@y.org"));
        var agency = await handler.CreateAsync(admin, new OrganisationInput(Unique("Agency"), OrganisationKind.Agency, EscalationEmail: "boss@agency.example.org"));

        Assert.Contains(Assert.IsType<ValidationFailed>(bad.Error).Errors, e => e.Field == nameof(Organisation.EscalationEmail));
        Assert.True(good.IsSuccess, good.Error?.Message);
        Assert.True(office.IsSuccess, office.Error?.Message);
        Assert.True(agency.IsSuccess, agency.Error?.Message);
        var emails = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Id == csp || o.Id == office.Value.Id || o.Id == agency.Value.Id)
            .ToDictionaryAsync(o => o.Id, o => o.EscalationEmail));
        Assert.Equal("chair@csp.example.org", emails[csp]);
        Assert.Null(emails[office.Value.Id]);
        Assert.Equal("boss@agency.example.org", emails[agency.Value.Id]);
        Assert.Equal("Changed: accountable lead email", await Portal.WithDbAsync(db => db.AuditEvents
            .Where(a => a.Subject == "Organisation" && a.SubjectId == csp.ToString() && a.Action == AuditAction.Changed).Select(a => a.Detail).SingleAsync()));
    }

    [Fact]
    public async Task ChangeOrganisation_CodeOfAnOfficeWithReviewsOrTheKind_IsRefusedWithAReason()
    {
        var handler = Portal.Get<SaveOrganisationHandler>();
        var lr = await Portal.WithDbAsync(db => db.Organisations.SingleAsync(o => o.Code == "LR"));

        var code = await handler.ChangeAsync(await AdminAsync(), lr.Id, lr.Version, new OrganisationInput(lr.Name, OrganisationKind.ReviewOffice, "LRX"));
        var kind = await handler.ChangeAsync(await AdminAsync(), lr.Id, lr.Version, new OrganisationInput(lr.Name, OrganisationKind.Agency));

        Assert.Contains(Assert.IsType<ValidationFailed>(code.Error).Errors, e => e.Field == nameof(Organisation.Code) && e.Message.Contains("LR-", StringComparison.Ordinal));
        Assert.Contains(Assert.IsType<ValidationFailed>(kind.Error).Errors, e => e.Field == nameof(Organisation.Kind));
    }

    [Fact]
    public async Task Deactivate_AnAgency_EndsItsMembersAccessOnTheNextRequest_AndReactivates()
    {
        var agency = await CreateOrganisationAsync(new OrganisationInput(Unique("Agency"), OrganisationKind.Agency));
        var contact = await CreateUserAsync(Access(Role.AgencyContact, agencies: [agency]));
        var handler = Portal.Get<SetOrganisationActiveHandler>();
        Assert.Contains(agency, (await Portal.ActorAsync(contact.Email)).AgencyIds);

        var off = await handler.HandleAsync(await AdminAsync(), agency, 0, active: false);
        Assert.True(off.IsSuccess, off.Error?.Message);
        Assert.Empty((await Portal.ActorAsync(contact.Email)).AgencyIds);

        var on = await handler.HandleAsync(await AdminAsync(), agency, off.Value.Version, active: true);
        Assert.Equal(2, on.Value.Version);
        Assert.Contains(agency, (await Portal.ActorAsync(contact.Email)).AgencyIds);
    }

    [Fact]
    public async Task ListOrganisations_FiltersByKindAndName_AndPagesInTheDatabase()
    {
        var query = Portal.Get<ListOrganisationsQuery>();
        var admin = await AdminAsync();

        var csps = await query.HandleAsync(admin, new OrganisationFilter(Kind: OrganisationKind.Csp), new PageRequest(0, 100));
        var page2 = await query.HandleAsync(admin, new OrganisationFilter(Kind: OrganisationKind.Csp), new PageRequest(1, 3));
        var kent = await query.HandleAsync(admin, new OrganisationFilter(Search: "kent"), new PageRequest(0, 100, nameof(OrganisationRow.Kind)));

        Assert.All(csps.Value.Items, o => Assert.Equal(OrganisationKind.Csp, o.Kind));
        Assert.Equal(csps.Value.Items.Select(o => o.Name).Order(StringComparer.Ordinal), csps.Value.Items.Select(o => o.Name));
        Assert.Equal(csps.Value.Items.Skip(3).Take(3).Select(o => o.Id), page2.Value.Items.Select(o => o.Id));
        Assert.Equal(csps.Value.TotalCount, page2.Value.TotalCount);
        Assert.All(kent.Value.Items, o => Assert.Contains("kent", o.Name, StringComparison.OrdinalIgnoreCase));
        var office = Assert.Single(kent.Value.Items, o => o.Kind == OrganisationKind.ReviewOffice);
        Assert.True(office.ServedCspCount >= 4, "the four seeded Kent CSPs (other tests may add more)");
        Assert.Contains(csps.Value.Items, o => o.ServingOffice == office.Name);
    }

    [Fact]
    public async Task CreateUser_WithAGeneratedPassword_CanSignInWithItAndHasTheAccessGiven()
    {
        var agency = await OrganisationIdAsync("Kent Police");
        var created = await CreateUserAsync(Access(Role.AgencyContact, agencies: [agency]));

        Assert.True(created.PasswordWasGenerated);
        Assert.True(created.TemporaryPassword.Length >= 16);
        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByEmailAsync(created.Email);
            Assert.True(await users.CheckPasswordAsync(user!, created.TemporaryPassword));
            Assert.True(user!.LockoutEnabled);
            Assert.Equal(PortalFactory.DefaultNow.UtcDateTime, user.CreatedAtUtc);
        }

        var actor = await Portal.ActorAsync(created.Email);
        Assert.Equal([Role.AgencyContact], actor.Roles);
        Assert.Equal([agency], actor.AgencyIds);
        var audit = await Portal.WithDbAsync(db => db.AuditEvents.SingleAsync(a => a.SubjectId == created.Id && a.Action == AuditAction.Created));
        Assert.Equal("Created account: display name, email, temporary password, roles, memberships. Roles: Agency contact. Agency: Kent Police, working with offices KT, LR.",
            audit.Detail);
        Assert.DoesNotContain(created.Email, audit.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CreateUser_Invalid_ReportsEachProblemBesideItsFieldAndSavesNothing()
    {
        var handler = Portal.Get<CreateUserHandler>();
        var admin = await AdminAsync();
        var before = await Portal.WithDbAsync(db => db.Users.CountAsync());

        var blank = await handler.HandleAsync(admin, new NewUser(" ", "not-an-email", "short", new UserAccess([], [], [])));
        var officer = await handler.HandleAsync(admin, new NewUser("Nia Officer", $"{Guid.NewGuid():N}@example.org", null, Access(Role.ReviewOfficer)));
        var contact = await handler.HandleAsync(admin, new NewUser("Cal Contact", $"{Guid.NewGuid():N}@example.org", null, Access(Role.AgencyContact)));
        var taken = await handler.HandleAsync(admin, new NewUser("Other Officer", DemoAccounts.LrOfficer.ToUpperInvariant(), null, Access(Role.CrgMember)));
        var wrongKind = await handler.HandleAsync(admin, new NewUser("Wes Wrong", $"{Guid.NewGuid():N}@example.org", null,
            Access(Role.ReviewOfficer, offices: [await OrganisationIdAsync("Kent Police")])));

        var fields = Assert.IsType<ValidationFailed>(blank.Error).Errors.Select(e => e.Field).ToHashSet();
        Assert.Superset(new HashSet<string?> { "DisplayName", "Email", "TemporaryPassword", "Roles" }, fields);
        Assert.Contains(Assert.IsType<ValidationFailed>(blank.Error).Errors, e => e.Message.Contains("at least 12 characters", StringComparison.Ordinal));
        Assert.Equal(nameof(UserAccess.OfficeIds), Assert.Single(Assert.IsType<ValidationFailed>(officer.Error).Errors).Field);
        Assert.Equal(nameof(UserAccess.AgencyIds), Assert.Single(Assert.IsType<ValidationFailed>(contact.Error).Errors).Field);
        Assert.Contains("already exists", Assert.Single(Assert.IsType<ValidationFailed>(taken.Error).Errors).Message, StringComparison.Ordinal);
        Assert.Equal(nameof(UserAccess.OfficeIds), Assert.Single(Assert.IsType<ValidationFailed>(wrongKind.Error).Errors).Field);
        Assert.Equal(before, await Portal.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task UserHandlers_ForANonAdministrator_AreRefusedAndAudited()
    {
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);
        var create = await Portal.Get<CreateUserHandler>().HandleAsync(manager, new NewUser("Eve", $"{Guid.NewGuid():N}@example.org", null, Access(Role.Administrator)));
        var change = await Portal.Get<ChangeUserHandler>().HandleAsync(manager, new UserChange(manager.UserId, "x", "Max", Access(Role.Administrator)));
        var list = await Portal.Get<ListUsersQuery>().HandleAsync(manager, new UserFilter(), new PageRequest());

        Assert.IsType<AccessRefused>(create.Error);
        Assert.IsType<AccessRefused>(change.Error);
        Assert.IsType<AccessRefused>(list.Error);
        Assert.DoesNotContain(Role.Administrator, (await Portal.ActorAsync(DemoAccounts.LrManager)).Roles);
        Assert.Equal(3, await Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == manager.UserId && a.Action == AuditAction.Refused && a.Subject == "User")));
    }

    [Fact]
    public async Task ChangeUser_RemovingOwnAdministratorRole_IsRefusedWithAClearError()
    {
        var admin = await AdminAsync();
        var me = await UserAsync(admin.UserId);

        var result = await Portal.Get<ChangeUserHandler>().HandleAsync(admin, new UserChange(me.Id, me.ConcurrencyStamp, me.DisplayName, Access(Role.BoardMember)));

        var error = Assert.Single(Assert.IsType<ValidationFailed>(result.Error).Errors);
        Assert.Equal(nameof(UserAccess.Roles), error.Field);
        Assert.Contains("own Administrator role", error.Message, StringComparison.Ordinal);
        Assert.Contains(Role.Administrator, (await AdminAsync()).Roles);
    }

    [Fact]
    public async Task ChangeUser_FromAStaleStamp_IsAConflict()
    {
        var created = await CreateUserAsync(Access(Role.CrgMember));
        var seen = await UserAsync(created.Id);
        var handler = Portal.Get<ChangeUserHandler>();

        var first = await handler.HandleAsync(await AdminAsync(), new UserChange(seen.Id, seen.ConcurrencyStamp, "First Name", seen.Access));
        var second = await handler.HandleAsync(await AdminAsync(), new UserChange(seen.Id, seen.ConcurrencyStamp, "Second Name", Access(Role.BoardMember)));

        Assert.True(first.IsSuccess, first.Error?.Message);
        Assert.IsType<Conflict>(second.Error);
        var now = await UserAsync(created.Id);
        Assert.Equal("First Name", now.DisplayName);
        Assert.Equal([Role.CrgMember], now.Access.Roles);
    }

    [Fact]
    public async Task ChangeUser_OfficerMovedFromLrToKent_SeesKentReviewsOnTheNextRequest()
    {
        var lr = await OrganisationIdAsync("Leicestershire & Rutland Safeguarding Partnerships Business Office");
        var kent = await OrganisationIdAsync("Kent Community Safety Team");
        var created = await CreateUserAsync(Access(Role.ReviewOfficer, offices: [lr]));
        var register = Portal.Get<ReviewRegisterQuery>();
        var before = await register.HandleAsync(await Portal.ActorAsync(created.Email), new RegisterFilter(CspId: await OrganisationIdAsync("Dover CSP")), new PageRequest());
        Assert.Empty(before.Items);
        var stampBefore = await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == created.Id).Select(u => u.SecurityStamp).SingleAsync());
        var seen = await UserAsync(created.Id);

        var moved = await Portal.Get<ChangeUserHandler>().HandleAsync(await AdminAsync(),
            new UserChange(created.Id, seen.ConcurrencyStamp, seen.DisplayName, Access(Role.ReviewOfficer, offices: [kent])));

        Assert.True(moved.IsSuccess, moved.Error?.Message);
        var after = await register.HandleAsync(await Portal.ActorAsync(created.Email), new RegisterFilter(), new PageRequest(0, 100));
        Assert.NotEmpty(after.Items);
        Assert.All(after.Items, r => Assert.StartsWith("KT-", r.Reference, StringComparison.Ordinal));
        Assert.NotEqual(stampBefore, await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == created.Id).Select(u => u.SecurityStamp).SingleAsync()));
        Assert.Equal("Changed: memberships", await Portal.WithDbAsync(db => db.AuditEvents
            .Where(a => a.SubjectId == created.Id && a.Action == AuditAction.Changed).Select(a => a.Detail).SingleAsync()));
    }

    [Fact]
    public async Task ListUsers_SearchesByEmailOrName_AndFiltersByRole()
    {
        var query = Portal.Get<ListUsersQuery>();
        var admin = await AdminAsync();

        var byEmail = await query.HandleAsync(admin, new UserFilter(Search: "OFFICER@KENT"), new PageRequest());
        var byName = await query.HandleAsync(admin, new UserFilter(Search: "olivia"), new PageRequest());
        var managers = await query.HandleAsync(admin, new UserFilter(Role: Role.Manager), new PageRequest(0, 100, nameof(UserRow.Email)));

        Assert.Equal(DemoAccounts.KentOfficer, Assert.Single(byEmail.Value.Items).Email);
        var olivia = Assert.Single(byName.Value.Items);
        Assert.Equal([Role.ReviewOfficer], olivia.Roles);
        Assert.Equal(["Leicestershire & Rutland Safeguarding Partnerships Business Office"], olivia.Organisations);
        Assert.NotEmpty(managers.Value.Items);
        Assert.All(managers.Value.Items, u => Assert.Contains(Role.Manager, u.Roles));
    }
}

public sealed class SqliteAdminTests(SqliteFixture fixture) : AdminTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresAdminTests(PostgresFixture fixture) : AdminTests(fixture), IClassFixture<PostgresFixture>;
