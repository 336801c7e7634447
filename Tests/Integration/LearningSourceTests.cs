using Domain;
using Domain.ActionPlans;
using Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows;
using Workflows.ActionPlans;
using Workflows.Reports;
using static Portal.Testing.ActionPlanScenario;
using static Portal.Testing.ActionPlanTeamScenario;

namespace Portal.Integration.Tests;

/// Actions from a learning source that is not a review (issue 18, item 3), through the handlers the pages call, on each
/// provider: the office records a thematic review for a CSP it serves, a recommendation and an action under it, which
/// is re-planned, updated by its owner and signed off by the same handlers as a review's; the board appendix as at a
/// past date lists it under the source; need-to-know per role, refusals audited.
public abstract class LearningSourceTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private Task<int> RefusalsAsync(string email) =>
        Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserEmail == email && a.Action == AuditAction.Refused));

    private async Task<int> SourceAsync(string title, DateOnly agreedOn, string csp = "Rutland CSP")
    {
        var result = await Portal.Get<SaveLearningSourceHandler>().CreateAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer),
            new LearningSourceInput(LearningSourceKind.ThematicReview, title, agreedOn, await CspIdAsync(Portal, csp)));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    private async Task<Result<int>> RecommendAsync(string email, int sourceId) =>
        await Portal.Get<RecordRecommendationHandler>().HandleAsync(await Portal.ActorAsync(email), PlanOf.Source(sourceId),
            new RecommendationInput("Agencies to ask older victims about abuse by adult children.", RecommendationLevel.SingleAgency,
                await AgencyIdAsync(Portal), null, []));

    private async Task<Result<long>> AddActionAsync(string email, int sourceId, int recommendationId, DateOnly agreedOn) =>
        await Portal.Get<AddActionHandler>().HandleAsync(await Portal.ActorAsync(email), PlanOf.Source(sourceId),
            new ActionInput(recommendationId, "Add older victims to the risk assessment training.", await AgencyIdAsync(Portal),
                await UserIdAsync(Portal, DemoAccounts.AgencyContact), Today(Portal).AddDays(60), "Every trainer uses the new module.", agreedOn));

    [Fact]
    public async Task Office_RecordsASource_ItsRecommendationAndAction_ReplannedUpdatedSignedOff_OnTheBoardAppendixAsAtAPastDate()
    {
        var today = Today(Portal);
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var sources = Portal.Get<SaveLearningSourceHandler>();

        // Bad input: a message beside each field, nothing saved.
        var count = await Portal.WithDbAsync(db => db.LearningSources.CountAsync());
        var bad = await sources.CreateAsync(officer, new LearningSourceInput(null, " ", today.AddDays(1), null));
        Assert.Equal(["Kind", "Title", "AgreedOn", "CspId"], Assert.IsType<ValidationFailed>(bad.Error).Errors.Select(e => e.Field));
        Assert.Equal(count, await Portal.WithDbAsync(db => db.LearningSources.CountAsync()));

        var title = $"Thematic review of older victims {Guid.NewGuid():N}";
        var id = await SourceAsync(title, today.AddDays(-30));
        var reference = LearningSource.ReferenceFor(id);
        var list = (await Portal.Get<LearningSourcesQuery>().HandleAsync(officer)).Value;
        var row = Assert.Single(list.Sources, s => s.Id == id);
        Assert.Equal((reference, "Rutland CSP", LearningSourceKind.ThematicReview), (row.Reference, row.Csp, row.Kind));
        Assert.Contains(list.Csps, c => c.Name == "Rutland CSP");
        Assert.DoesNotContain(list.Csps, c => c.Name.Contains("Kent", StringComparison.Ordinal));

        // Recorded straight away (a source has no stages), numbered within the source.
        var recommendation = await RecommendAsync(DemoAccounts.LrOfficer, id);
        Assert.True(recommendation.IsSuccess, recommendation.Error?.Message);
        var stored = await Portal.WithDbAsync(db => db.Recommendations.Where(r => r.Id == recommendation.Value)
            .Select(r => new { r.ReviewId, r.LearningSourceId, r.Number }).SingleAsync());
        Assert.Equal(((int?)null, (int?)id, 1), (stored.ReviewId, stored.LearningSourceId, stored.Number));

        // An action cannot be agreed before the source was.
        var early = await AddActionAsync(DemoAccounts.LrOfficer, id, recommendation.Value, today.AddDays(-31));
        var tooEarly = Assert.Single(Assert.IsType<ValidationFailed>(early.Error).Errors);
        Assert.Equal("AgreedOn", tooEarly.Field);
        Assert.Contains("before the learning source was agreed", tooEarly.Message, StringComparison.Ordinal);
        var added = await AddActionAsync(DemoAccounts.LrOfficer, id, recommendation.Value, today.AddDays(-20));
        Assert.True(added.IsSuccess, added.Error?.Message);
        var actionId = added.Value;

        // The source's date cannot move after its first action was agreed.
        var moved = await sources.ChangeAsync(officer, id, new LearningSourceInput(LearningSourceKind.ThematicReview, title, today.AddDays(-10), null), 1);
        Assert.Equal(["AgreedOn"], Assert.IsType<ValidationFailed>(moved.Error).Errors.Select(e => e.Field));

        // The plan, as a review's: the source's reference and title, recording open.
        var plan = (await Portal.Get<ActionPlanQuery>().ForPlanAsync(officer, PlanOf.Source(id))).Value;
        Assert.Equal((null, reference, title, true, true), (plan.ReviewId, plan.Reference, plan.CaseLabel, plan.CanRecordRecommendations, plan.CanRecordActions));
        Assert.Equal("R1.1", Assert.Single(Assert.Single(plan.Recommendations).Actions).Label);

        // The owner updates it as at 15 days ago; the officer re-plans its due date today.
        var owner = await Portal.ActorAsync(DemoAccounts.AgencyContact);
        var update = await Portal.Get<PostActionUpdateHandler>().HandleAsync(owner, actionId,
            new ActionUpdateInput("Module drafted.", ActionStatus.OnTrack, [], AsAt: today.AddDays(-15)));
        Assert.True(update.IsSuccess, update.Error?.Message);
        var detail = (await Portal.Get<ActionPlanQuery>().ForActionAsync(officer, actionId, recordView: true)).Value;
        Assert.Equal(($"learning-sources/{id}/action-plan", reference, title, true), (detail.PlanLink, detail.Reference, detail.CaseLabel, detail.CanReplan));
        var replanned = await Portal.Get<ReplanActionHandler>().HandleAsync(officer, actionId,
            new ActionReplan(detail.What, detail.OwnerAgencyId, detail.OwnerUserId, today.AddDays(90), "Trainers on leave.", today), detail.Version);
        Assert.True(replanned.IsSuccess, replanned.Error?.Message);

        // In the master plan (the office's and the owner's "Our actions"), under the source's reference and title.
        foreach (var reader in new[] { officer, owner })
        {
            var master = await Portal.Get<MasterActionPlanQuery>().HandleAsync(reader, new ActionPlanFilter(), new PageRequest(0, 500, null, false));
            var line = Assert.Single(master.Items, r => r.Id == actionId);
            Assert.Equal((reference, title, "Rutland CSP", today.AddDays(90), "Module drafted."), (line.Reference, line.CaseLabel, line.LeadCsp, line.DueDate, line.LatestUpdate));
        }

        // Completed by the owner, signed off by the office: the same handlers as a review's.
        await CompleteAsync(Portal, actionId);
        var version = (await Portal.Get<ActionPlanQuery>().ForActionAsync(officer, actionId, recordView: false)).Value.Version;
        var signedOff = await Portal.Get<DecideActionHandler>().SignOffAsync(officer, actionId, null, version);
        Assert.True(signedOff.IsSuccess, signedOff.Error?.Message);

        // The board appendix: signed off today, so not outstanding now; as at 10 days ago it was, under the source, on
        // track with its update of 15 days ago and its old due date (the re-plan was agreed today).
        var board = await Portal.ActorAsync(DemoAccounts.BoardMember);
        var rutland = await CspIdAsync(Portal);
        Assert.DoesNotContain((await Portal.Get<BoardActionsQuery>().HandleAsync(board, rutland, today)).Value.Actions, a => a.Reference == reference);
        var then = Assert.Single((await Portal.Get<BoardActionsQuery>().HandleAsync(board, rutland, today.AddDays(-10))).Value.Actions, a => a.Reference == reference);
        Assert.Equal((title, "Leicestershire Police", "R1.1", ActionDisplayStatus.OnTrack, today.AddDays(60), "Module drafted."),
            (then.CaseLabel, then.OwnerAgency, then.Label, then.Status, then.DueDate, then.LatestUpdate));
        var office = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "LR").Select(o => o.Id).SingleAsync());
        Assert.Contains((await Portal.Get<BoardActionsQuery>().HandleAsync(board, office, today.AddDays(-10))).Value.Actions, a => a.Reference == reference);
        Assert.Contains(BoardActionsText.Table((await Portal.Get<BoardActionsQuery>().HandleAsync(board, rutland, today.AddDays(-10))).Value).Rows,
            r => r[0] == $"{title} ({reference})");

        // The audit names the source by its reference.
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.CaseReference == reference && a.Subject == "PlanAction" && a.Action == AuditAction.Created)));
    }

    [Fact]
    public async Task NeedToKnow_AnotherOffice_AnotherCspsTeam_AnotherAgency_Refused_AndAudited_BoardSeesTheAppendix_DpoReads()
    {
        var today = Today(Portal);
        var id = await SourceAsync("Learning review of repeat referrals", today.AddDays(-5));
        var recommendation = (await RecommendAsync(DemoAccounts.LrOfficer, id)).Value;
        var actionId = (await AddActionAsync(DemoAccounts.LrOfficer, id, recommendation, today)).Value;
        var plan = PlanOf.Source(id);
        var query = Portal.Get<ActionPlanQuery>();
        var all = new PageRequest(0, 500, null, false);

        // Another office, and a member of another CSP's action plan team: no plan, no recommendation, no source, no action.
        var charnwoodTeam = await NewPlanManagerAsync(Portal);
        await SetTeamAsync(Portal, "Charnwood CSP", "Charnwood Community Safety Team", charnwoodTeam);
        foreach (var email in new[] { DemoAccounts.KentOfficer, charnwoodTeam })
        {
            var actor = await Portal.ActorAsync(email);
            var before = await RefusalsAsync(email);
            Assert.IsType<AccessRefused>((await query.ForPlanAsync(actor, plan)).Error);
            Assert.IsType<AccessRefused>((await RecommendAsync(email, id)).Error);
            Assert.IsType<AccessRefused>((await query.ForActionAsync(actor, actionId, recordView: true)).Error);
            Assert.IsType<AccessRefused>((await Portal.Get<SaveLearningSourceHandler>().ChangeAsync(actor, id,
                new LearningSourceInput(LearningSourceKind.Other, "Taken over", today, null), 1)).Error);
            Assert.IsType<AccessRefused>((await Portal.Get<SaveLearningSourceHandler>().CreateAsync(actor,
                new LearningSourceInput(LearningSourceKind.Other, "Not ours", today, await CspIdAsync(Portal)))).Error);
            Assert.DoesNotContain((await Portal.Get<MasterActionPlanQuery>().HandleAsync(actor, new ActionPlanFilter(), all)).Items, r => r.Id == actionId);
            Assert.Equal(before + 5, await RefusalsAsync(email));
        }

        // The Charnwood team member keeps their own CSP's sources: the list answers, without Rutland's.
        var teamList = (await Portal.Get<LearningSourcesQuery>().HandleAsync(await Portal.ActorAsync(charnwoodTeam))).Value;
        Assert.Equal(["Charnwood CSP"], teamList.Csps.Select(c => c.Name));
        Assert.DoesNotContain(teamList.Sources, s => s.Id == id);

        // The Rutland team member manages it, as for a review the CSP leads.
        var rutlandTeam = await NewPlanManagerAsync(Portal, "Robin Rutland");
        await SetTeamAsync(Portal, "Rutland CSP", "Rutland Community Safety Team", rutlandTeam);
        Assert.True((await RecommendAsync(rutlandTeam, id)).IsSuccess);
        Assert.Contains((await Portal.Get<LearningSourcesQuery>().HandleAsync(await Portal.ActorAsync(rutlandTeam))).Value.Sources, s => s.Id == id);

        // An agency contact of another agency: neither the action nor its update.
        var kentPolice = await Portal.ActorAsync(await OtherAgencyContactAsync(Portal));
        var was = await RefusalsAsync(kentPolice.Email);
        Assert.IsType<AccessRefused>((await query.ForActionAsync(kentPolice, actionId, recordView: true)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<PostActionUpdateHandler>().HandleAsync(kentPolice, actionId,
            new ActionUpdateInput("Not ours.", ActionStatus.OnTrack, []))).Error);
        Assert.DoesNotContain((await Portal.Get<MasterActionPlanQuery>().HandleAsync(kentPolice, new ActionPlanFilter(), all)).Items, r => r.Id == actionId);
        Assert.Equal(was + 2, await RefusalsAsync(kentPolice.Email));

        // The owner's contact reads and updates it, but cannot manage the plan.
        var owner = await Portal.ActorAsync(DemoAccounts.AgencyContact);
        Assert.True((await query.ForActionAsync(owner, actionId, recordView: true)).Value.CanUpdate);
        Assert.IsType<AccessRefused>((await query.ForPlanAsync(owner, plan)).Error);

        // A board member: not the plan, but the action in the board appendix.
        var board = await Portal.ActorAsync(DemoAccounts.BoardMember);
        var boardBefore = await RefusalsAsync(DemoAccounts.BoardMember);
        Assert.IsType<AccessRefused>((await query.ForPlanAsync(board, plan)).Error);
        Assert.IsType<AccessRefused>((await query.ForActionAsync(board, actionId, recordView: true)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<LearningSourcesQuery>().HandleAsync(board)).Error);
        Assert.Equal(boardBefore + 3, await RefusalsAsync(DemoAccounts.BoardMember));
        Assert.Contains((await Portal.Get<BoardActionsQuery>().HandleAsync(board, await CspIdAsync(Portal), today)).Value.Actions,
            a => a.Reference == LearningSource.ReferenceFor(id));

        // The DPO reads every plan, as every review, and manages none.
        var dpo = await Portal.ActorAsync(DemoAccounts.Dpo);
        var read = (await query.ForPlanAsync(dpo, plan)).Value;
        Assert.Equal((false, false), (read.CanRecordRecommendations, read.CanRecordActions));
        var dpoBefore = await RefusalsAsync(DemoAccounts.Dpo);
        Assert.IsType<AccessRefused>((await RecommendAsync(DemoAccounts.Dpo, id)).Error);
        Assert.Equal(dpoBefore + 1, await RefusalsAsync(DemoAccounts.Dpo));
    }
}

public sealed class LearningSourceSqliteTests(SqliteFixture fixture) : LearningSourceTests(fixture), IClassFixture<SqliteFixture>;

public sealed class LearningSourcePostgresTests(PostgresFixture fixture) : LearningSourceTests(fixture), IClassFixture<PostgresFixture>;
