using Domain;
using Domain.Access;
using Domain.Accounts;
using Domain.Audit;
using Domain.Organisations;
using Domain.Requests;
using Infrastructure.Data.Migrations;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Accounts;
using Workflows.Admin;
using Workflows.Requests;

namespace Portal.Integration.Tests;

/// Agency contacts belong to an agency and to the review offices that work with it (issue 13, finding 2), through the
/// handlers the pages call, on SQLite and PostgreSQL: officers ask and an administrator approves or refuses, officers of
/// another office can neither mint nor use one, and a contact sees what is addressed to them unless the office shares.
public abstract class AgencyContactTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private Task<int> OrganisationAsync(string name) => Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == name || o.Code == name).Select(o => o.Id).SingleAsync());

    private static string NewAddress() => $"{Guid.NewGuid():N}@agency.example.org";

    /// The live attack: an officer of Leicestershire and Rutland invited an address of their own as a contact of an agency
    /// of the Kent office, then read Kent's requests to it. Now neither the invitation nor a request for approval is
    /// accepted, and a contact of that agency an administrator made cannot be used on a Leicestershire review.
    [Fact]
    public async Task Officer_CannotMintAContactOfAnotherOfficesAgency_NorUseOne()
    {
        var kentOnly = await OrganisationAsync("Kent County Council Adult Social Care");
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var own = $"{Guid.NewGuid():N}@lr.example.org";
        var refusalsBefore = await Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == officer.UserId && a.Action == AuditAction.Refused && a.Detail == "invite a user"));

        var invited = await Portal.Get<InviteUserHandler>().HandleAsync(officer, new Invite("Own Address", own, new UserAccess([Role.AgencyContact], [], [kentOnly])));
        var asked = await Portal.Get<AskForAgencyContactHandler>().HandleAsync(officer, new AskForAgencyContact("Own Address", own, kentOnly));

        Assert.False(invited.IsSuccess);
        Assert.Contains("administrator to approve", invited.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(UserAccess.AgencyIds), Assert.Single(Assert.IsType<ValidationFailed>(asked.Error).Errors).Field);
        Assert.False(await Portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == own)));
        Assert.False(await Portal.WithDbAsync(db => db.AgencyContactRequests.AnyAsync(r => r.Email == own)));
        Assert.Equal(refusalsBefore + 1, await Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == officer.UserId && a.Action == AuditAction.Refused && a.Detail == "invite a user")));

        // A contact of that agency made by an administrator belongs to Kent: not in Leicestershire's picker, and refused by the handler.
        var kentContact = await Portal.UserIdAsync(await Portal.AddAgencyContactAsync("Kent County Council Adult Social Care"));
        var review = await Portal.RegisterReviewAsync(new DateOnly(2026, 11, 2));
        Assert.DoesNotContain(await Portal.Get<RequestQueries>().ContactChoicesAsync(officer, review), c => c.UserId == kentContact);
        var sent = await Portal.Get<SendInformationRequestsHandler>().HandleAsync(officer, new SendInformationRequests(review, RequestType.Imr, [kentContact], null, TestRequests.Scope));
        Assert.Equal(nameof(SendInformationRequests.ContactUserIds), Assert.Single(Assert.IsType<ValidationFailed>(sent.Error).Errors).Field);
        Assert.False(await Portal.WithDbAsync(db => db.InformationRequests.AnyAsync(r => r.ReviewId == review)));
    }

    [Fact]
    public async Task Ask_WaitsWithNoAccount_ThenAnAdministratorApproves_AuditedInPlainEnglish()
    {
        var police = await OrganisationAsync("Leicestershire Police");
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var email = NewAddress();

        var asked = await Portal.Get<AskForAgencyContactHandler>().HandleAsync(officer, new AskForAgencyContact("Nell Newcontact", email, police));

        Assert.True(asked.IsSuccess, asked.Error?.Message);
        var pending = await Portal.WithDbAsync(db => db.AgencyContactRequests.AsNoTracking().SingleAsync(r => r.Id == asked.Value.RequestId));
        Assert.Equal(AgencyContactRequestStatus.Pending, pending.Status);
        Assert.False(await Portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.False(await Portal.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.RecipientAddress == email)));
        var toAdmins = await Portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.Reason == AskForAgencyContactHandler.EmailReason
            && m.OccurrenceKey == $"contact-request:{pending.Id}").ToListAsync());
        Assert.Contains(toAdmins, m => m.RecipientAddress == DemoAccounts.Admin);
        Assert.All(toAdmins, m => Assert.DoesNotContain("Nell", m.TextBody + m.HtmlBody + m.Subject, StringComparison.Ordinal));
        var again = await Portal.Get<AskForAgencyContactHandler>().HandleAsync(officer, new AskForAgencyContact("Nell Newcontact", email, police));
        Assert.Contains("already waiting", Assert.Single(Assert.IsType<ValidationFailed>(again.Error).Errors).Message, StringComparison.Ordinal);

        var decide = Portal.Get<DecideAgencyContactRequestHandler>();
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);
        Assert.IsType<AccessRefused>((await decide.ApproveAsync(manager, pending.Id, pending.Version)).Error);
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == manager.UserId && a.Action == AuditAction.Refused
            && a.Subject == "AgencyContactRequest" && a.SubjectId == pending.Id.ToString())));
        Assert.False(await Portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));

        var approved = await decide.ApproveAsync(await Portal.ActorAsync(DemoAccounts.Admin), pending.Id, pending.Version);

        Assert.True(approved.IsSuccess, approved.Error?.Message);
        var contact = await Portal.ActorAsync(email);
        Assert.True(contact.Is(Role.AgencyContact));
        Assert.Equal([police], contact.AgencyIds);
        Assert.True(await Portal.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.RecipientAddress == email && m.Reason == "Invitation")));
        var told = await Portal.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.RecipientAddress == DemoAccounts.LrOfficer
            && m.Reason == DecideAgencyContactRequestHandler.EmailReason && m.OccurrenceKey == $"contact-request:{pending.Id}"));
        Assert.Contains("approved", told.Subject, StringComparison.Ordinal);
        var detail = await Portal.WithDbAsync(db => db.AuditEvents.Where(a => a.SubjectId == contact.UserId && a.Action == AuditAction.Created)
            .Select(a => a.Detail).SingleAsync());
        Assert.Contains("Roles: Agency contact. Agency: Leicestershire Police, working with offices LR.", detail, StringComparison.Ordinal);
        Assert.Contains($"Asked for by {DemoAccounts.LrOfficer}", detail, StringComparison.Ordinal);
        Assert.Contains($"approved by {DemoAccounts.Admin}", detail, StringComparison.Ordinal);

        var twice = await decide.ApproveAsync(await Portal.ActorAsync(DemoAccounts.Admin), pending.Id, pending.Version);
        Assert.Contains("already approved", twice.Error!.Message, StringComparison.Ordinal);
        Assert.Single(await Portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).ToListAsync()));

        // Leicestershire's picker lists the new contact; Kent's does not (Leicestershire Police does not work with Kent).
        var lrReview = await Portal.RegisterReviewAsync(new DateOnly(2026, 11, 2));
        var ktReview = await Portal.RegisterReviewAsync(new DateOnly(2026, 11, 2), csp: "Ashford CSP", by: DemoAccounts.KentOfficer);
        Assert.Contains(await Portal.Get<RequestQueries>().ContactChoicesAsync(officer, lrReview), c => c.UserId == contact.UserId);
        Assert.DoesNotContain(await Portal.Get<RequestQueries>().ContactChoicesAsync(await Portal.ActorAsync(DemoAccounts.KentOfficer), ktReview),
            c => c.UserId == contact.UserId);
    }

    [Fact]
    public async Task Refuse_NeedsAReason_CreatesNoAccount_AndTellsTheOfficerWhy()
    {
        var police = await OrganisationAsync("Leicestershire Police");
        var email = NewAddress();
        var asked = (await Portal.Get<AskForAgencyContactHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrManager),
            new AskForAgencyContact("Rex Refused", email, police))).Value;
        var version = await Portal.WithDbAsync(db => db.AgencyContactRequests.Where(r => r.Id == asked.RequestId).Select(r => r.Version).SingleAsync());
        var decide = Portal.Get<DecideAgencyContactRequestHandler>();
        var admin = await Portal.ActorAsync(DemoAccounts.Admin);

        var blank = await decide.RefuseAsync(admin, asked.RequestId, version, "  ");
        var refused = await decide.RefuseAsync(admin, asked.RequestId, version, "The police say they do not know this person.");

        Assert.Equal("Reason", Assert.Single(Assert.IsType<ValidationFailed>(blank.Error).Errors).Field);
        Assert.True(refused.IsSuccess, refused.Error?.Message);
        Assert.False(await Portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        var told = await Portal.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.RecipientAddress == DemoAccounts.LrManager
            && m.Reason == DecideAgencyContactRequestHandler.EmailReason && m.OccurrenceKey == $"contact-request:{asked.RequestId}"));
        Assert.Contains("do not know this person", told.TextBody, StringComparison.Ordinal);
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == admin.UserId && a.Subject == "AgencyContactRequest"
            && a.SubjectId == asked.RequestId.ToString() && a.Detail!.Contains("no account was created"))));
        var view = (await Portal.Get<AgencyContactRequestsQuery>().HandleAsync(admin)).Value;
        Assert.DoesNotContain(view.Waiting, r => r.Id == asked.RequestId);
        Assert.Contains(view.RecentlyDecided, r => r.Id == asked.RequestId && r.Status == AgencyContactRequestStatus.Refused);
        Assert.IsType<AccessRefused>((await Portal.Get<AgencyContactRequestsQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrManager))).Error);
    }

    /// The upgrade: an office works with every agency it has already sent a request to, so contacts keep what they answer.
    [Fact]
    public async Task Backfill_MakesEachOfficeWorkWithTheAgenciesItHasAlreadyAskedForInformation()
    {
        var womensAid = await OrganisationAsync("Women's Aid Leicestershire");
        var (lr, kt) = (await OrganisationAsync("LR"), await OrganisationAsync("KT"));
        var review = await Portal.RegisterReviewAsync(new DateOnly(2026, 11, 2));
        var contact = await Portal.UserIdAsync(await Portal.AddAgencyContactAsync("Women's Aid Leicestershire"));
        Assert.True((await Portal.Get<SendInformationRequestsHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer),
            new SendInformationRequests(review, RequestType.Chronology, [contact], null, TestRequests.Scope))).IsSuccess);
        var before = await Portal.WithDbAsync(db => db.AgencyOffices.AsNoTracking().ToListAsync());
        try
        {
            var after = await Portal.WithDbAsync(async db =>
            {
                await db.AgencyOffices.ExecuteDeleteAsync();
                await ((DbContext)db).Database.ExecuteSqlRawAsync(AgencyOfficeBackfill.Sql);
                return await db.AgencyOffices.AsNoTracking().Select(a => new { a.AgencyId, a.OfficeId }).ToListAsync();
            });

            Assert.Contains(new { AgencyId = womensAid, OfficeId = lr }, after);
            Assert.DoesNotContain(new { AgencyId = womensAid, OfficeId = kt }, after);
        }
        finally
        {
            await Portal.WithDbAsync(async db =>
            {
                await db.AgencyOffices.ExecuteDeleteAsync();
                db.AgencyOffices.AddRange(before);
                return await db.SaveChangesAsync();
            });
        }
    }

    /// By default a contact sees what is addressed to them by name; where the office shares with agency teams, their
    /// colleagues at the agency see it too.
    [Fact]
    public async Task Colleague_SeesAnotherContactsRequest_OnlyWhereTheOfficeSharesWithAgencyTeams()
    {
        var review = await Portal.RegisterReviewAsync(new DateOnly(2026, 11, 2));
        var priya = await Portal.UserIdAsync(DemoAccounts.AgencyContact);
        var colleague = await Portal.AddAgencyContactAsync("Leicestershire Police");
        var sent = await Portal.Get<SendInformationRequestsHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer),
            new SendInformationRequests(review, RequestType.Scoping, [priya], null, TestRequests.Scope));
        var id = Assert.Single(sent.Value.RequestIds);
        var queries = Portal.Get<RequestQueries>();
        var lr = await OrganisationAsync("LR");

        Assert.DoesNotContain(await queries.ForMyAgencyAsync(await Portal.ActorAsync(colleague)), r => r.Id == id);
        Assert.IsType<AccessRefused>((await queries.GetAsync(await Portal.ActorAsync(colleague), id)).Error);
        Assert.Contains(await queries.ForMyAgencyAsync(await Portal.ActorAsync(DemoAccounts.AgencyContact)), r => r.Id == id);

        await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Id == lr).ExecuteUpdateAsync(s => s.SetProperty(o => o.SharesWithAgencyTeams, true)));
        try
        {
            Assert.Contains(await queries.ForMyAgencyAsync(await Portal.ActorAsync(colleague)), r => r.Id == id);
            Assert.True((await queries.GetAsync(await Portal.ActorAsync(colleague), id)).Value.CanReturn);
        }
        finally
        {
            await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Id == lr).ExecuteUpdateAsync(s => s.SetProperty(o => o.SharesWithAgencyTeams, false)));
        }
    }
}

public sealed class SqliteAgencyContactTests(SqliteFixture fixture) : AgencyContactTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresAgencyContactTests(PostgresFixture fixture) : AgencyContactTests(fixture), IClassFixture<PostgresFixture>;
