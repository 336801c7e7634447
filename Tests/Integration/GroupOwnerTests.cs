using Domain;
using Domain.ActionPlans;
using Domain.Audit;
using Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows;
using Workflows.ActionPlans;
using Workflows.Reports;
using static Portal.Testing.ActionPlanScenario;

namespace Portal.Integration.Tests;

/// Issue 18: an action owned by a delivery group or board. The portal holds such a group as an organisation that works
/// with the office (as an agency does) whose contact is an agency-contact account, so the owner's rules are the agency
/// owner's, in one place (ActionPlanAccess.IsOwnerContact, AgencyReach): the group's contact gets the owner's task and
/// posts updates, sees only the group's actions from the offices the group works with; another agency's contact sees
/// none of them, each refusal audited. Re-planning moves an action from an agency to the group, kept in its history;
/// the master plan and the board appendix name the group.
public abstract class GroupOwnerTests(ProviderFixture fixture)
{
    private const string Group = DeliveryGroup;
    private const string GroupEmail = DeliveryGroupEmail;

    private PortalFactory Portal => fixture.Portal;

    private Task<int> RefusalsAsync(string email) =>
        Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserEmail == email && a.Action == AuditAction.Refused));

    [Fact]
    public async Task GroupOwner_GetsTheTask_PostsUpdates_SeesOnlyItsActions_OthersRefusedAndAudited_ReplanMovesAnActionToIt()
    {
        await DeliveryGroupAsync(Portal);
        var reviewId = await ReviewAtSignOffAsync(Portal);
        var recommendation = await RecommendationAsync(Portal, reviewId);
        var groupAction = await ActionAsync(Portal, reviewId, recommendation, GroupEmail, Group);
        var policeAction = await ActionAsync(Portal, reviewId, recommendation);
        var group = await Portal.ActorAsync(GroupEmail);
        var police = await Portal.ActorAsync(DemoAccounts.AgencyContact);
        var groupId = await AgencyIdAsync(Portal, Group);

        // The owner's task goes to the group's contact, addressed to the group (reminders and escalation follow it).
        var task = await Portal.WithDbAsync(db => db.PlanActions.Where(a => a.Id == groupAction).Select(a => a.WorkItem!).SingleAsync());
        Assert.Equal((groupId, await UserIdAsync(Portal, GroupEmail)), (task.AgencyId, task.CandidateUserId));

        // The group's contact posts an update; it sees the group's action only.
        Assert.True((await Portal.Get<PostActionUpdateHandler>().HandleAsync(group, groupAction,
            new ActionUpdateInput("Delivery group agreed the new referral pathway.", ActionStatus.OnTrack, [], AsAt: Today(Portal)))).IsSuccess);
        async Task<long[]> SeenByAsync(string who) => (await Portal.Get<MasterActionPlanQuery>().HandleAsync(await Portal.ActorAsync(who),
            new ActionPlanFilter(ReviewId: reviewId), new PageRequest())).Items.Select(r => r.Id).Order().ToArray();
        Assert.Equal([groupAction], await SeenByAsync(GroupEmail));
        Assert.Equal([policeAction], await SeenByAsync(DemoAccounts.AgencyContact));
        var row = (await Portal.Get<MasterActionPlanQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer),
            new ActionPlanFilter(ReviewId: reviewId), new PageRequest())).Items.Single(r => r.Id == groupAction);
        Assert.Equal((DeliveryGroupOwner, "Delivery group agreed the new referral pathway."), (row.OwnerAgency, row.LatestUpdate));

        // The police contact cannot open or update the group's action, nor the group's contact the police action: audited.
        var policeBefore = await RefusalsAsync(DemoAccounts.AgencyContact);
        Assert.IsType<AccessRefused>((await Portal.Get<ActionPlanQuery>().ForActionAsync(police, groupAction, true)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<PostActionUpdateHandler>().HandleAsync(police, groupAction,
            new ActionUpdateInput("x", ActionStatus.OnTrack, [], AsAt: Today(Portal)))).Error);
        Assert.Equal(policeBefore + 2, await RefusalsAsync(DemoAccounts.AgencyContact));
        var groupBefore = await RefusalsAsync(GroupEmail);
        Assert.IsType<AccessRefused>((await Portal.Get<ActionPlanQuery>().ForActionAsync(group, policeAction, true)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<ActionPlanQuery>().ForReviewAsync(group, reviewId)).Error);
        Assert.Equal(groupBefore + 2, await RefusalsAsync(GroupEmail));

        // Re-planning moves the police action to the group: the history keeps the old owner, the task follows, the group's
        // contact may update it and the police contact no longer sees it.
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var detail = (await Portal.Get<ActionPlanQuery>().ForActionAsync(officer, policeAction, false)).Value;
        Assert.True((await Portal.Get<ReplanActionHandler>().HandleAsync(officer, policeAction, new ActionReplan(detail.What, groupId,
            await UserIdAsync(Portal, GroupEmail), detail.DueDate, "The delivery group now leads the multi-agency training.", Today(Portal)), detail.Version)).IsSuccess);
        var change = Assert.Single((await Portal.Get<ActionPlanQuery>().ForActionAsync(officer, policeAction, false)).Value.Changes);
        Assert.Equal((ActionChangeField.Owner, "Leicestershire Police (Priya Police)", $"{DeliveryGroupOwner} (Dana Group)"), (change.Field, change.OldValue, change.NewValue));
        Assert.True((await Portal.Get<ActionPlanQuery>().ForActionAsync(group, policeAction, false)).Value.CanUpdate);
        Assert.Equal([groupAction, policeAction], await SeenByAsync(GroupEmail));
        Assert.Empty(await SeenByAsync(DemoAccounts.AgencyContact));

        // The board appendix names the group as owner (no contact's name).
        var rutland = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Rutland CSP").Select(o => o.Id).SingleAsync());
        var reference = await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Reference).SingleAsync());
        var appendix = (await Portal.Get<BoardActionsQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.BoardMember), rutland, Today(Portal))).Value;
        Assert.Equal([DeliveryGroupOwner, DeliveryGroupOwner], appendix.Actions.Where(a => a.Reference == reference).Select(a => a.OwnerAgency));
    }

    [Fact]
    public async Task AGroupThatDoesNotWorkWithTheOffice_CannotOwnItsActions()
    {
        await DeliveryGroupAsync(Portal);
        var reviewId = await ReviewAtSignOffAsync(Portal);
        var recommendation = await RecommendationAsync(Portal, reviewId);
        var groupId = await AgencyIdAsync(Portal, Group);
        await Portal.WithDbAsync(db => db.AgencyOffices.Where(l => l.AgencyId == groupId).ExecuteDeleteAsync());
        try
        {
            var refused = await Portal.Get<AddActionHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), reviewId,
                new ActionInput(recommendation, "Agree a referral pathway.", groupId, await UserIdAsync(Portal, GroupEmail), Today(Portal).AddDays(30), "Pathway in use.", Today(Portal)));
            Assert.Equal(["OwnerAgencyId"], Assert.IsType<ValidationFailed>(refused.Error).Errors.Select(e => e.Field));
            Assert.Empty(await Portal.WithDbAsync(db => db.PlanActions.Where(a => a.ReviewId == reviewId).ToListAsync()));
        }
        finally
        {
            var office = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "LR").Select(o => o.Id).SingleAsync());
            await Portal.WithDbAsync(async db =>
            {
                db.AgencyOffices.Add(new AgencyOffice { AgencyId = groupId, OfficeId = office });
                return await db.SaveChangesAsync();
            });
        }
    }
}

public sealed class SqliteGroupOwnerTests(SqliteFixture fixture) : GroupOwnerTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresGroupOwnerTests(PostgresFixture fixture) : GroupOwnerTests(fixture), IClassFixture<PostgresFixture>;
