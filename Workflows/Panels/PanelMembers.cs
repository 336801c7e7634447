using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Panels;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Panels;

public sealed record PanelMemberRow(int ParticipantId, string UserId, string Name, string Email, PanelRole Role, string? Agency);

public sealed record PanelCandidate(string UserId, string Label, PanelRole SuggestedRole);

/// The members of a review's panel, active ones only.
public static class PanelMembersQuery
{
    public static async Task<List<PanelMemberRow>> ActiveAsync(IReviewDb db, int reviewId, CancellationToken ct) =>
        await (from p in db.ReviewParticipants.PanelMembers(reviewId)
               join s in db.PanelSeats on p.Id equals s.ParticipantId
               join u in db.Users on p.UserId equals u.Id
               orderby s.Role, u.DisplayName
               select new PanelMemberRow(p.Id, p.UserId, u.DisplayName, u.Email ?? string.Empty, s.Role,
                   db.Organisations.Where(o => o.Id == s.AgencyId).Select(o => o.Name).FirstOrDefault()))
            .AsNoTracking().ToListAsync(ct);
}

/// Accounts an officer can add: agency contacts (agency representatives or specialists), independent authors
/// (specialists), and the review's appointed chair/author (chair). Disabled accounts and current members are left out.
public sealed class PanelCandidatesQuery(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<IReadOnlyList<PanelCandidate>>> HandleAsync(Actor actor, int reviewId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var access = await PanelAccess.CheckAsync(db, audit, actor, reviewId, manage: true, "list panel candidates", ct);
        if (!access.IsSuccess)
        {
            return access.Error!;
        }

        var current = await db.ReviewParticipants.PanelMembers(reviewId).Select(p => p.UserId).ToListAsync(ct);
        var chairs = await db.ReviewParticipants.ChairAuthors(reviewId).Select(p => p.UserId).ToListAsync(ct);
        string[] roleNames = [Roles.AgencyContact, Roles.IndependentAuthor];
        var people = await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where !u.IsDisabled && roleNames.Contains(r.Name!) && !current.Contains(u.Id)
                            select new { u.Id, u.DisplayName, u.Email, Role = r.Name }).AsNoTracking().ToListAsync(ct);
        return people.GroupBy(p => p.Id).Select(g =>
        {
            var p = g.First();
            var role = chairs.Contains(p.Id) ? PanelRole.Chair
                : g.Any(x => x.Role == Roles.AgencyContact) ? PanelRole.AgencyRepresentative : PanelRole.Specialist;
            return new PanelCandidate(p.Id, $"{p.DisplayName} ({p.Email})", role);
        }).OrderBy(c => c.Label, StringComparer.OrdinalIgnoreCase).ToList();
    }
}

/// Adds a person to a review's panel (lead-office officers and managers). An agency representative sits for their
/// agency; the chair must be the review's appointed chair/author. A member added after a meeting was scheduled gets
/// its invitation too.
public sealed class AddPanelMemberHandler(IReviewDbFactory dbs, AuditLog audit, BusinessClock clock, MeetingInvitations invitations)
{
    public async Task<Result<int>> HandleAsync(Actor actor, int reviewId, string? userId, PanelRole role, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var checkedAccess = await PanelAccess.CheckAsync(db, audit, actor, reviewId, manage: true, "add a panel member", ct);
        if (!checkedAccess.IsSuccess)
        {
            return checkedAccess.Error!;
        }

        var access = checkedAccess.Value;
        var user = string.IsNullOrEmpty(userId) ? null : await db.Users.AsNoTracking().Where(u => u.Id == userId && !u.IsDisabled)
            .Select(u => new { u.Id, u.Email }).SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return new ValidationFailed([new Error("Choose the person to add to the panel.", "Person")]);
        }

        var member = await ActorLoaderFor(db, user.Id, ct);
        int? agencyId = null;
        switch (role)
        {
            case PanelRole.AgencyRepresentative when !member.Is(Role.AgencyContact) || member.AgencyIds.Count == 0:
                return new ValidationFailed([new Error("An agency representative must be an agency contact with an agency: choose another person or the role 'Specialist'.", "Role")]);
            case PanelRole.AgencyRepresentative:
                agencyId = member.AgencyIds.Min();
                break;
            case PanelRole.Chair when !await db.ReviewParticipants.ChairAuthors(reviewId).AnyAsync(p => p.UserId == user.Id, ct):
                return new ValidationFailed([new Error("Only the chair/author appointed to this review can be its panel chair.", "Role")]);
            case PanelRole.Specialist when !member.Is(Role.AgencyContact) && !member.Is(Role.IndependentAuthor):
                return new ValidationFailed([new Error("A specialist needs an agency contact or independent author account: invite them first.", "Person")]);
        }

        if (await PanelAccess.IsMemberAsync(db, user.Id, reviewId, ct))
        {
            return new ValidationFailed([new Error("This person is already on the panel.", "Person")]);
        }

        var participant = new ReviewParticipant { ReviewId = reviewId, UserId = user.Id, Kind = ParticipantKind.PanelMember, GrantedAtUtc = clock.UtcNow };
        db.ReviewParticipants.Add(participant);
        db.PanelSeats.Add(new PanelSeat { Participant = participant, ReviewId = reviewId, Role = role, AgencyId = agencyId });
        audit.Add(db, actor, AuditAction.Created, "PanelMember", user.Id, reviewId, access.Reference, $"added as {PanelNames.Describe(role)}");

        var upcoming = await db.PanelMeetings.Where(m => m.ReviewId == reviewId && m.Status == MeetingStatus.Scheduled && m.StartsAtUtc > clock.UtcNow)
            .ToListAsync(ct);
        foreach (var meeting in upcoming)
        {
            await invitations.QueueAsync(db, access, meeting, [new Invitee(user.Id, user.Email!)], ct);
        }

        await db.SaveChangesAsync(ct);
        return participant.Id;
    }

    private static Task<Actor> ActorLoaderFor(IReviewDb db, string userId, CancellationToken ct) => Access.ActorLoader.LoadAsync(db, userId, ct);
}

/// Removes a member: the participant row is revoked, not deleted, and their access ends on their next request.
public sealed class RemovePanelMemberHandler(IReviewDbFactory dbs, AuditLog audit, BusinessClock clock)
{
    public async Task<Result<int>> HandleAsync(Actor actor, int reviewId, int participantId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var access = await PanelAccess.CheckAsync(db, audit, actor, reviewId, manage: true, "remove a panel member", ct);
        if (!access.IsSuccess)
        {
            return access.Error!;
        }

        var revoked = await db.ReviewParticipants.PanelMembers(reviewId).Where(p => p.Id == participantId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RevokedAtUtc, clock.UtcNow), ct);
        if (revoked == 0)
        {
            return new NotFound("The panel member");
        }

        audit.Add(db, actor, AuditAction.Changed, "PanelMember", participantId.ToString(), reviewId, access.Value.Reference, "removed from the panel");
        await db.SaveChangesAsync(ct);
        return participantId;
    }
}

/// The reviews whose panel the actor sits on: case label and reference only.
public sealed record MyPanelRow(int ReviewId, string Reference, string CaseLabel, PanelRole Role);

public sealed class MyPanelsQuery(IReviewDbFactory dbs)
{
    public async Task<IReadOnlyList<MyPanelRow>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(actor.UserId))
        {
            return [];
        }

        await using var db = await dbs.CreateAsync(ct);
        return await (from p in db.ReviewParticipants.PanelMembers()
                      join s in db.PanelSeats on p.Id equals s.ParticipantId
                      join r in db.Reviews on p.ReviewId equals r.Id
                      where p.UserId == actor.UserId
                      orderby r.Reference
                      select new MyPanelRow(r.Id, r.Reference, r.CaseLabel, s.Role)).AsNoTracking().ToListAsync(ct);
    }
}

public static class PanelNames
{
    public static string Describe(PanelRole role) => role switch
    {
        PanelRole.AgencyRepresentative => "Agency representative",
        PanelRole.Specialist => "Specialist",
        PanelRole.Chair => "Chair",
        _ => role.ToString(),
    };

    public static string Describe(Availability availability) => availability switch
    {
        Availability.Available => "Available",
        Availability.IfNeedBe => "If need be",
        Availability.NotAvailable => "Not available",
        _ => availability.ToString(),
    };

    public static string Describe(MeetingStatus status) => status switch
    {
        MeetingStatus.Polling => "Choosing a date",
        MeetingStatus.Scheduled => "Scheduled",
        MeetingStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };
}
