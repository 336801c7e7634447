using Domain;
using Domain.Access;
using Domain.ActionPlans;
using Domain.Audit;
using Domain.Organisations;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.ActionPlans;

/// Who manages a CSP's action plans, as an administrator sets it: the review office alone (NamedTeam false), or the
/// review office with a named team of accounts holding the Action plan manager role.
public sealed record ActionPlanTeamInput(bool NamedTeam, string? Name, IReadOnlyCollection<string> MemberIds);

public sealed record TeamMemberView(string UserId, string Name, string Email);

/// One CSP on the administrators' page: its serving office, and its team if it has one.
public sealed record CspActionPlanManagement(int CspId, string Csp, string ServingOffice, string? TeamName, IReadOnlyList<TeamMemberView> Members);

/// A review whose action plan a team member manages: the way in to record its recommendations and actions.
public sealed record ManagedPlan(int ReviewId, string Reference, string CaseLabel, string Csp, Stage Stage);

/// Setting per CSP who manages its action plans (issue 18). Administrators set it, as they keep every other CSP setting;
/// each change is audited. The access rule itself is ActionPlanAccess.
public sealed class ActionPlanTeamsHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    private const string Subject = "ActionPlanTeam";

    public async Task<Result<IReadOnlyList<CspActionPlanManagement>>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, Subject, null, "view action plan teams", ct) is { } refused)
        {
            return refused;
        }

        var csps = await (from c in db.Organisations.AsNoTracking()
                          where c.Kind == OrganisationKind.Csp && c.IsActive
                          orderby c.Name
                          select new { c.Id, c.Name, Office = c.ServingOffice == null ? "(no review office)" : c.ServingOffice.Name }).ToListAsync(ct);
        var teams = await db.ActionPlanTeams.AsNoTracking().ToDictionaryAsync(t => t.CspId, t => t.Name, ct);
        var members = await (from m in db.ActionPlanTeamMembers.AsNoTracking()
                             join u in db.Users on m.UserId equals u.Id
                             orderby u.DisplayName
                             select new { m.CspId, m.UserId, u.DisplayName, u.Email }).ToListAsync(ct);
        return csps.Select(c => new CspActionPlanManagement(c.Id, c.Name, c.Office, teams.GetValueOrDefault(c.Id),
            members.Where(m => m.CspId == c.Id).Select(m => new TeamMemberView(m.UserId, m.DisplayName, m.Email ?? string.Empty)).ToList())).ToList();
    }

    /// The accounts that may be team members: active accounts holding the Action plan manager role.
    public async Task<IReadOnlyList<TeamMemberView>> CandidatesAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        return await Candidates(db).OrderBy(u => u.DisplayName)
            .Select(u => new TeamMemberView(u.Id, u.DisplayName, u.Email ?? string.Empty)).ToListAsync(ct);
    }

    public async Task<Result<bool>> SetAsync(Actor actor, int cspId, ActionPlanTeamInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, Subject, cspId.ToString(), "set who manages a CSP's action plans", ct) is { } refused)
        {
            return refused;
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == cspId && o.Kind == OrganisationKind.Csp, ct))
        {
            return new NotFound("The CSP");
        }

        var team = await db.ActionPlanTeams.Include(t => t.Members).SingleOrDefaultAsync(t => t.CspId == cspId, ct);
        if (!input.NamedTeam)
        {
            if (team is null)
            {
                return false;
            }

            db.ActionPlanTeams.Remove(team);
            audit.Add(db, actor, AuditAction.Changed, Subject, cspId.ToString(),
                detail: $"action plans of CSP {cspId} managed by the review office alone (team removed, {team.Members.Count} members)");
            await db.SaveChangesAsync(ct);
            return true;
        }

        var memberIds = input.MemberIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct().ToList();
        var errors = ActionPlanTeam.Validate(input.Name, memberIds).ToList();
        if (memberIds.Count > 0 && await Candidates(db).CountAsync(u => memberIds.Contains(u.Id), ct) != memberIds.Count)
        {
            errors.Add(new Error("Choose members from the list: each must be an active account holding the Action plan manager role.",
                nameof(ActionPlanTeam.Members)));
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var name = input.Name!.Trim();
        var before = team?.Members.Select(m => m.UserId).ToHashSet() ?? [];
        if (team is null)
        {
            team = new ActionPlanTeam { CspId = cspId, Name = name, ChangedByUserId = actor.UserId };
            db.ActionPlanTeams.Add(team);
        }

        team.Name = name;
        team.ChangedAtUtc = clock.UtcNow;
        team.ChangedByUserId = actor.UserId;
        team.Members.RemoveAll(m => !memberIds.Contains(m.UserId));
        team.Members.AddRange(memberIds.Where(id => !before.Contains(id)).Select(id => new ActionPlanTeamMember { CspId = cspId, UserId = id }));
        // Account ids, not names: the audit list names the change, the page names the people.
        var added = memberIds.Where(id => !before.Contains(id)).ToList();
        var removed = before.Where(id => !memberIds.Contains(id)).ToList();
        audit.Add(db, actor, AuditAction.Changed, Subject, cspId.ToString(),
            detail: $"action plans of CSP {cspId} managed by the review office and the team \"{name}\": {memberIds.Count} members"
                + (added.Count > 0 ? $", added {string.Join(" ", added)}" : string.Empty)
                + (removed.Count > 0 ? $", removed {string.Join(" ", removed)}" : string.Empty));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// The reviews whose action plans this actor manages as a team member, from recommendations onwards, newest first.
    public async Task<IReadOnlyList<ManagedPlan>> ManagedPlansAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.Is(Role.ActionPlanManager))
        {
            return [];
        }

        await using var db = await dbs.CreateAsync(ct);
        var userId = actor.UserId;
        var stages = ActionPlanAccess.RecommendationStages.Append(Stage.OnHold).Append(Stage.Closed).ToList();
        var rows = await (from r in db.Reviews.AsNoTracking()
                          join c in db.Organisations on r.LeadCspId equals c.Id
                          where db.ActionPlanTeamMembers.Any(m => m.CspId == r.LeadCspId && m.UserId == userId) && stages.Contains(r.Stage)
                          orderby r.Reference descending
                          select new { Review = r, Csp = c.Name }).ToListAsync(ct);
        return rows.Where(x => ActionPlanAccess.RecommendationStages.Contains(ActionPlanAccess.EffectiveStage(x.Review)) || x.Review.Stage == Stage.Closed)
            .Select(x => new ManagedPlan(x.Review.Id, x.Review.Reference, x.Review.CaseLabel, x.Csp, x.Review.Stage)).ToList();
    }

    private static IQueryable<PortalUser> Candidates(IReviewDb db)
    {
        var role = Roles.ActionPlanManager;
        return db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
    }
}
