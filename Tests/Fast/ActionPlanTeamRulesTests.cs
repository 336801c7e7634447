using Domain.Access;
using Domain.ActionPlans;
using Workflows.Access;
using Workflows.ActionPlans;

namespace Portal.Fast.Tests;

/// Who manages a review's action plan (issue 18): the lead office's review officers, and the members of the lead CSP's
/// action plan team, who read the plan but gain nothing else of the review.
public class ActionPlanTeamRulesTests
{
    private static Actor As(params Role[] roles) => new("u1", "u1@example.org", roles.ToHashSet(), new HashSet<int>(), new HashSet<int>());

    private static readonly CaseAccess LeadOffice = new(CanRead: true, CanChange: true, CanSeeRestricted: true);
    private static readonly CaseAccess OtherOffice = new(CanRead: true, CanChange: false, CanSeeRestricted: false);

    [Fact]
    public void Decide_ReviewOfficerOfTheLeadOffice_ManagesWithOrWithoutATeam()
    {
        Assert.True(ActionPlanAccess.Decide(As(Role.ReviewOfficer), LeadOffice, onLeadCspTeam: false).CanManage);
        Assert.True(ActionPlanAccess.Decide(As(Role.ReviewOfficer), LeadOffice, onLeadCspTeam: true).CanManage);
    }

    [Fact]
    public void Decide_ManagerOrOfficerOfAnotherOffice_ReadsButDoesNotManage()
    {
        var manager = ActionPlanAccess.Decide(As(Role.Manager), LeadOffice, onLeadCspTeam: false);
        var other = ActionPlanAccess.Decide(As(Role.ReviewOfficer), OtherOffice, onLeadCspTeam: false);

        Assert.Equal((true, false), (manager.CanRead, manager.CanManage));
        Assert.Equal((true, false), (other.CanRead, other.CanManage));
    }

    [Fact]
    public void Decide_TeamMemberOfTheLeadCsp_ReadsAndManagesThePlan_ButNotTheReview()
    {
        var member = ActionPlanAccess.Decide(As(Role.ActionPlanManager), CaseAccess.None, onLeadCspTeam: true);

        Assert.Equal((true, true), (member.CanRead, member.CanManage));
        Assert.Equal(CaseAccess.None, member.Case);
    }

    [Fact]
    public void Decide_TheRoleWithoutTheTeam_OrTheTeamWithoutTheRole_GivesNothing()
    {
        Assert.Equal(ActionPlanAccess.PlanAccess.None, ActionPlanAccess.Decide(As(Role.ActionPlanManager), CaseAccess.None, onLeadCspTeam: false));
        // A member whose role was taken away: the team row stays until an administrator edits it, but gives nothing.
        Assert.Equal(ActionPlanAccess.PlanAccess.None, ActionPlanAccess.Decide(As(Role.AgencyContact), CaseAccess.None, onLeadCspTeam: true));
    }

    [Fact]
    public void Validate_NameAndMembersRequired_NameLengthCapped()
    {
        Assert.Equal(["Name", "Members"], ActionPlanTeam.Validate(" ", []).Select(e => e.Field));
        Assert.Equal(["Name"], ActionPlanTeam.Validate(new string('x', ActionPlanTeam.NameMaxLength + 1), ["u1"]).Select(e => e.Field));
        Assert.Empty(ActionPlanTeam.Validate("Rutland Community Safety Team", ["u1", "u2"]));
    }
}
