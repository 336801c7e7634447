using Domain;
using Domain.ActionPlans;
using Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows;
using Workflows.ActionPlans;
using Workflows.Profiles;
using Workflows.Reviews;
using static Portal.Testing.ActionPlanScenario;
using static Portal.Testing.ActionPlanTeamScenario;

namespace Portal.Integration.Tests;

/// Per CSP, the team that manages its action plans (issue 18), through the handlers the pages call, on each provider.
public abstract class ActionPlanTeamTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private Task<int> AuditCountAsync(string email, AuditAction action, string subject) =>
        Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserEmail == email && a.Action == action && a.Subject == subject));

    private async Task<Result<int>> RecommendAsync(string email, int reviewId) =>
        await Portal.Get<RecordRecommendationHandler>().HandleAsync(await Portal.ActorAsync(email), reviewId,
            new RecommendationInput("The CSP to commission training on coercive control.", RecommendationLevel.Csp, null, null, []));

    [Fact]
    public async Task TeamMember_ManagesTheirCspsPlan_RefusedOnAnotherCspAndOnTheReview_OfficerKeepsTheRight()
    {
        var rutland = await ReviewAtSignOffAsync(Portal, csp: "Rutland CSP");
        var charnwood = await ReviewAtSignOffAsync(Portal, csp: "Charnwood CSP");
        var email = await NewPlanManagerAsync(Portal);
        Assert.IsType<AccessRefused>((await RecommendAsync(email, rutland)).Error);

        await SetTeamAsync(Portal, "Rutland CSP", "Rutland Community Safety Team", email);
        var member = await Portal.ActorAsync(email);

        // Records a recommendation and an action, and signs the action off once its owner completes it.
        var recommendation = await RecommendAsync(email, rutland);
        Assert.True(recommendation.IsSuccess, recommendation.Error?.Message);
        var added = await Portal.Get<AddActionHandler>().HandleAsync(member, rutland, new ActionInput(recommendation.Value, "Run coercive control training.",
            await AgencyIdAsync(Portal), await UserIdAsync(Portal, DemoAccounts.AgencyContact), Today(Portal).AddDays(60), "Training delivered to 40 staff.", Today(Portal)));
        Assert.True(added.IsSuccess, added.Error?.Message);
        var plan = (await Portal.Get<ActionPlanQuery>().ForReviewAsync(member, rutland)).Value;
        Assert.Equal((true, true, false), (plan.CanRecordRecommendations, plan.CanRecordActions, plan.CanSeeReview));
        var master = await Portal.Get<MasterActionPlanQuery>().HandleAsync(member, new ActionPlanFilter(), new PageRequest(0, 100, null, false));
        Assert.Contains(master.Items, r => r.Id == added.Value);
        Assert.DoesNotContain(master.Items, r => r.LeadCsp != "Rutland CSP");
        await CompleteAsync(Portal, added.Value);
        var detail = (await Portal.Get<ActionPlanQuery>().ForActionAsync(member, added.Value, recordView: true)).Value;
        Assert.Equal((true, true), (detail.CanDecide, detail.CanSeeReview));
        var signedOff = await Portal.Get<DecideActionHandler>().SignOffAsync(member, added.Value, null, detail.Version);
        Assert.True(signedOff.IsSuccess, signedOff.Error?.Message);

        // Another CSP's review, and the review's own (restricted) pages: refused, and each refusal audited.
        var refusedBefore = await AuditCountAsync(email, AuditAction.Refused, "ActionPlan");
        Assert.IsType<AccessRefused>((await RecommendAsync(email, charnwood)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<ActionPlanQuery>().ForReviewAsync(member, charnwood)).Error);
        Assert.Equal(refusedBefore + 2, await AuditCountAsync(email, AuditAction.Refused, "ActionPlan"));
        Assert.IsType<AccessRefused>((await Portal.Get<GetReviewHandler>().HandleAsync(member, rutland)).Error);
        Assert.Equal(1, await AuditCountAsync(email, AuditAction.Refused, "Review"));
        Assert.False((await Portal.Get<CaseProfileQuery>().HandleAsync(member, rutland)).IsSuccess);

        // The review office keeps the right alongside the team.
        Assert.True((await RecommendAsync(DemoAccounts.LrOfficer, rutland)).IsSuccess);

        // Back to the review office alone: the member is refused again; both changes are audited.
        var back = await Portal.Get<ActionPlanTeamsHandler>().SetAsync(await Portal.ActorAsync(DemoAccounts.Admin), await CspIdAsync(Portal),
            new ActionPlanTeamInput(false, null, []));
        Assert.True(back.IsSuccess, back.Error?.Message);
        Assert.IsType<AccessRefused>((await RecommendAsync(email, rutland)).Error);
        Assert.False((await Portal.Get<ActionPlanQuery>().ForActionAsync(member, added.Value, recordView: false)).IsSuccess);
        var rutlandCsp = (await CspIdAsync(Portal)).ToString();
        Assert.Equal(2, await Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Subject == "ActionPlanTeam" && a.Action == AuditAction.Changed
            && a.SubjectId == rutlandCsp && a.UserEmail == DemoAccounts.Admin)));
    }

    [Fact]
    public async Task SetTeam_OnlyAdministrators_BadInputHasMessages_AndNothingIsSaved()
    {
        var csp = await CspIdAsync(Portal, "Leicester City CSP");
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var handler = Portal.Get<ActionPlanTeamsHandler>();
        var manager = await NewPlanManagerAsync(Portal);
        var managerId = (await Portal.ActorAsync(manager)).UserId;

        var refused = await handler.SetAsync(officer, csp, new ActionPlanTeamInput(true, "City team", [managerId]));
        Assert.IsType<AccessRefused>(refused.Error);
        Assert.Equal(1, await AuditCountAsync(DemoAccounts.LrOfficer, AuditAction.Refused, "ActionPlanTeam"));

        var admin = await Portal.ActorAsync(DemoAccounts.Admin);
        var empty = await handler.SetAsync(admin, csp, new ActionPlanTeamInput(true, " ", []));
        Assert.Equal(["Name", "Members"], Assert.IsType<ValidationFailed>(empty.Error).Errors.Select(e => e.Field));
        // An account without the role (here an agency contact) cannot be a member.
        var contactId = await UserIdAsync(Portal, DemoAccounts.AgencyContact);
        var wrongRole = await handler.SetAsync(admin, csp, new ActionPlanTeamInput(true, "City team", [managerId, contactId]));
        Assert.Equal(["Members"], Assert.IsType<ValidationFailed>(wrongRole.Error).Errors.Select(e => e.Field));
        Assert.False(await Portal.WithDbAsync(db => db.ActionPlanTeams.AnyAsync(t => t.CspId == csp)));
        Assert.IsType<NotFound>((await handler.SetAsync(admin, await CspIdAsync(Portal, "Kent Police"), new ActionPlanTeamInput(true, "x", [managerId]))).Error);

        Assert.True((await handler.SetAsync(admin, csp, new ActionPlanTeamInput(true, "  City team  ", [managerId]))).IsSuccess);
        var row = (await handler.ListAsync(admin)).Value.Single(c => c.CspId == csp);
        Assert.Equal(("City team", "Casey Community"), (row.TeamName, Assert.Single(row.Members).Name));
        Assert.Contains(await handler.CandidatesAsync(), c => c.UserId == managerId);
    }
}

public sealed class SqliteActionPlanTeamTests(SqliteFixture fixture) : ActionPlanTeamTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresActionPlanTeamTests(PostgresFixture fixture) : ActionPlanTeamTests(fixture), IClassFixture<PostgresFixture>;
