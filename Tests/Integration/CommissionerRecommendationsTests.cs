using Domain;
using Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Commissioner;
using static Portal.Testing.ActionPlanScenario;

namespace Portal.Integration.Tests;

/// The Domestic Abuse Commissioner's recommendations on a real database of each provider: the office records one to an
/// agency it works with or a CSP it serves, the response is due 56 days after the date made, overdue shows until the
/// response closes it; bad input saves nothing; another office, a board member and an agency contact are refused and audited.
public abstract class CommissionerRecommendationsTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private Task<int> OfficeAsync(string code = "LR") => Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync());

    private Task<int> RefusalsAsync(string userId) =>
        Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == userId && a.Action == AuditAction.Refused && a.Subject == CommissionerAccess.Subject));

    private async Task<Result<int>> RecordAsync(string who, int officeId, DateOnly? made, int? addressee, string report = "Did anyone notice?") =>
        await Portal.Get<RecordCommissionerRecommendationHandler>().HandleAsync(await Portal.ActorAsync(who),
            new RecordCommissionerRecommendation(officeId, report, made, addressee, "Train call handlers to recognise coercive control."));

    [Fact]
    public async Task Office_RecordsARecommendation_DueIn56Days_OverdueUntilTheResponseClosesIt()
    {
        var today = Today(Portal);
        var office = await OfficeAsync();
        var police = await AgencyIdAsync(Portal);
        var report = $"Report {Guid.NewGuid():N}";

        var bad = await RecordAsync(DemoAccounts.LrOfficer, office, today.AddDays(1), await AgencyIdAsync(Portal, "Kent County Council Adult Social Care"), " ");
        Assert.Equal(["Report", "MadeOn", "AddresseeId"], Assert.IsType<ValidationFailed>(bad.Error).Errors.Select(e => e.Field));
        var made = today.AddDays(-60);
        var id = (await RecordAsync(DemoAccounts.LrOfficer, office, made, police, report)).Value;
        var csp = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Rutland CSP").Select(o => o.Id).SingleAsync());
        Assert.True((await RecordAsync(DemoAccounts.LrManager, office, today, csp, report)).IsSuccess);

        var list = (await Portal.Get<CommissionerRecommendationsQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer))).Value;
        var mine = list.Recommendations.Where(r => r.Report == report).ToList();
        Assert.Equal([made.AddDays(56), today.AddDays(56)], mine.Select(r => r.ResponseDue));
        Assert.Equal([true, false], mine.Select(r => r.IsOverdue));
        Assert.Equal(["Leicestershire Police", "Rutland CSP"], mine.Select(r => r.Addressee));
        Assert.Contains(list.Addressees, a => a.Id == police && !a.IsCsp);
        Assert.DoesNotContain(list.Addressees, a => a.Name == "Kent County Council Adult Social Care");

        var handler = Portal.Get<RecordCommissionerResponseHandler>();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var early = await handler.HandleAsync(officer, new RecordCommissionerResponse(id, made.AddDays(-1), "Agreed.", 1));
        Assert.Equal(["RespondedOn"], Assert.IsType<ValidationFailed>(early.Error).Errors.Select(e => e.Field));
        Assert.True((await handler.HandleAsync(officer, new RecordCommissionerResponse(id, today.AddDays(-1), "Training agreed for all call handlers.", 1))).IsSuccess);
        Assert.IsType<Conflict>((await handler.HandleAsync(officer, new RecordCommissionerResponse(id, today, "Again.", 1))).Error);
        // Closed: a second response, even against the current version, is refused and the first kept.
        Assert.Contains("already recorded", (await handler.HandleAsync(officer, new RecordCommissionerResponse(id, today, "Again.", 2))).Error!.Message,
            StringComparison.Ordinal);

        var answered = (await Portal.Get<CommissionerRecommendationsQuery>().HandleAsync(officer)).Value.Recommendations.Single(r => r.Id == id);
        Assert.False(answered.IsOverdue);
        Assert.Equal(today.AddDays(-1), answered.RespondedOn);
        Assert.Equal("Training agreed for all call handlers.", answered.ResponseSummary);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, await Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Subject == CommissionerAccess.Subject && a.SubjectId == key
            && (a.Action == AuditAction.Created || a.Action == AuditAction.Changed))));
    }

    [Fact]
    public async Task AnotherOffice_ABoardMember_AndAnAgencyContact_AreRefusedAndAudited_AndSeeNoneOfTheOffice()
    {
        var office = await OfficeAsync();
        var id = (await RecordAsync(DemoAccounts.LrOfficer, office, Today(Portal), await AgencyIdAsync(Portal))).Value;

        var kent = await Portal.ActorAsync(DemoAccounts.KentOfficer);
        var before = await RefusalsAsync(kent.UserId);
        Assert.IsType<AccessRefused>((await RecordAsync(DemoAccounts.KentOfficer, office, Today(Portal), await AgencyIdAsync(Portal))).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<RecordCommissionerResponseHandler>().HandleAsync(kent,
            new RecordCommissionerResponse(id, Today(Portal), "Not ours.", 1))).Error);
        Assert.DoesNotContain((await Portal.Get<CommissionerRecommendationsQuery>().HandleAsync(kent)).Value.Recommendations, r => r.Id == id);
        Assert.Equal(before + 2, await RefusalsAsync(kent.UserId));

        foreach (var account in new[] { DemoAccounts.BoardMember, DemoAccounts.AgencyContact })
        {
            var actor = await Portal.ActorAsync(account);
            var was = await RefusalsAsync(actor.UserId);
            Assert.IsType<AccessRefused>((await Portal.Get<CommissionerRecommendationsQuery>().HandleAsync(actor)).Error);
            Assert.Equal(was + 1, await RefusalsAsync(actor.UserId));
        }

        Assert.Null(await Portal.WithDbAsync(db => db.CommissionerRecommendations.Where(r => r.Id == id).Select(r => r.RespondedOn).SingleAsync()));
    }
}

public sealed class CommissionerRecommendationsSqliteTests(SqliteFixture fixture) : CommissionerRecommendationsTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CommissionerRecommendationsPostgresTests(PostgresFixture fixture) : CommissionerRecommendationsTests(fixture), IClassFixture<PostgresFixture>;
