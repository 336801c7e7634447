using Domain;
using Domain.Audit;
using Domain.Themes;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Themes;

namespace Portal.Integration.Tests;

/// Where a review's learning was shared (issue 18): the lead office's staff record it, readers of the review see it
/// newest first; bad input is refused field by field with nothing saved; others are refused and audited.
public abstract class DisseminationLogTests(ProviderFixture fixture)
{
    private static readonly DateOnly Notified = new(2026, 3, 2);

    private PortalFactory Portal => fixture.Portal;

    private DisseminationLogHandler Log => Portal.Get<DisseminationLogHandler>();

    private DateOnly Today => ActionPlanScenario.Today(Portal);

    private Task<int> RowsAsync(int id) => Portal.WithDbAsync(db => db.DisseminationEntries.CountAsync(e => e.ReviewId == id));

    [Fact]
    public async Task Staff_RecordWhereLearningWasShared_ListedNewestFirst_BadInputSavesNothing()
    {
        var id = await Portal.RegisterReviewAsync(Notified, "Rutland CSP");
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);

        var bad = await Log.AddAsync(officer, id, new DisseminationInput(null, " ", Today.AddDays(1), -1));
        Assert.Equal(["Kind", "Audience", "HeldOn", "Attendance"], Assert.IsType<ValidationFailed>(bad.Error).Errors.Select(e => e.Field));
        var early = await Log.AddAsync(officer, id, new DisseminationInput(DisseminationKind.Seminar, "GPs", Notified.AddDays(-1), 10));
        Assert.Equal("HeldOn", Assert.Single(Assert.IsType<ValidationFailed>(early.Error).Errors).Field);
        var undefined = await Log.AddAsync(officer, id, new DisseminationInput((DisseminationKind)99, "GPs", Today, 10));
        Assert.Equal("Kind", Assert.Single(Assert.IsType<ValidationFailed>(undefined.Error).Errors).Field);
        Assert.Equal(0, await RowsAsync(id));

        Assert.True((await Log.AddAsync(officer, id, new DisseminationInput(DisseminationKind.CspMeeting, " Rutland CSP board ", Today.AddDays(-20), 14))).IsSuccess);
        Assert.True((await Log.AddAsync(manager, id, new DisseminationInput(DisseminationKind.Newsletter, "Practitioners in Rutland", Today.AddDays(-2), null))).IsSuccess);
        Assert.True((await Log.AddAsync(officer, id, new DisseminationInput(DisseminationKind.Briefing, "Police supervisors", Today, 0))).IsSuccess);

        var log = (await Log.GetAsync(officer, id)).Value;
        Assert.True(log.CanChange);
        Assert.Equal([(DisseminationKind.Briefing, "Police supervisors", Today, (int?)0), (DisseminationKind.Newsletter, "Practitioners in Rutland", Today.AddDays(-2), null),
            (DisseminationKind.CspMeeting, "Rutland CSP board", Today.AddDays(-20), 14)], log.Entries.Select(e => (e.Kind, e.Audience, e.HeldOn, e.Attendance)));
        Assert.Equal(3, await Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.ReviewId == id && a.Subject == "DisseminationLog" && a.Action == AuditAction.Created)));
    }

    [Fact]
    public async Task OnlyTheLeadOfficeAdds_ReadersOfTheReviewSee_OthersAreRefusedAndAudited()
    {
        var id = await Portal.RegisterReviewAsync(Notified, "Rutland CSP");
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        Assert.True((await Log.AddAsync(officer, id, new DisseminationInput(DisseminationKind.Seminar, "Health visitors", Today, 40))).IsSuccess);

        var dpo = (await Log.GetAsync(await Portal.ActorAsync(DemoAccounts.Dpo), id)).Value;
        Assert.Equal((1, false), (dpo.Entries.Count, dpo.CanChange));
        Assert.IsType<AccessRefused>((await Log.AddAsync(await Portal.ActorAsync(DemoAccounts.Dpo), id, new DisseminationInput(DisseminationKind.Seminar, "X", Today, 1))).Error);

        foreach (var email in new[] { DemoAccounts.KentOfficer, DemoAccounts.BoardMember, DemoAccounts.CrgMember, DemoAccounts.AgencyContact, DemoAccounts.Admin })
        {
            var who = await Portal.ActorAsync(email);
            var before = await Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserEmail == email && a.Action == AuditAction.Refused && a.Subject == "DisseminationLog"));
            Assert.IsType<AccessRefused>((await Log.GetAsync(who, id)).Error);
            Assert.IsType<AccessRefused>((await Log.AddAsync(who, id, new DisseminationInput(DisseminationKind.Seminar, "Someone", Today, 5))).Error);
            Assert.Equal(before + 2, await Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserEmail == email && a.Action == AuditAction.Refused && a.Subject == "DisseminationLog")));
        }

        Assert.Equal(1, await RowsAsync(id));
    }
}

public sealed class SqliteDisseminationLogTests(SqliteFixture fixture) : DisseminationLogTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresDisseminationLogTests(PostgresFixture fixture) : DisseminationLogTests(fixture), IClassFixture<PostgresFixture>;
