using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Crg;
using Domain.Organisations;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Crg;

public sealed record CrgMeetingRow(int Id, DateOnly MeetingDate, string Office, int Items, int Decided, bool PapersShared);

public sealed record OfficeChoice(int Id, string Name);

public sealed record CrgMeetingList(IReadOnlyList<CrgMeetingRow> Meetings, IReadOnlyList<OfficeChoice> OfficesYouPlanFor);

/// The meetings a person may see: office staff all of their offices' meetings, CRG members those whose papers
/// were shared with them. Newest first.
public sealed class ListCrgMeetingsQuery(IReviewDbFactory dbs)
{
    public async Task<CrgMeetingList> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var offices = actor.OfficeIds.ToArray();
        var staff = actor.IsOfficeStaff;
        var member = actor.Is(Role.CrgMember);
        if (!staff && !member)
        {
            return new CrgMeetingList([], []);
        }

        var rows = await db.CrgMeetings.AsNoTracking()
            .Where(m => offices.Contains(m.OfficeId) && (staff || m.PapersSharedAtUtc != null))
            .OrderByDescending(m => m.MeetingDate).ThenByDescending(m => m.Id)
            .Select(m => new
            {
                m.Id, m.MeetingDate, m.OfficeId, Items = m.Items.Count, Decided = m.Items.Count(i => i.Outcome != null), Shared = m.PapersSharedAtUtc != null,
            })
            .ToListAsync(ct);
        var names = await db.Organisations.AsNoTracking().Where(o => offices.Contains(o.Id) && o.Kind == OrganisationKind.ReviewOffice)
            .OrderBy(o => o.Name).Select(o => new OfficeChoice(o.Id, o.Name)).ToListAsync(ct);
        var byId = names.ToDictionary(n => n.Id, n => n.Name);
        return new CrgMeetingList(
            rows.Select(r => new CrgMeetingRow(r.Id, r.MeetingDate, byId.GetValueOrDefault(r.OfficeId, "?"), r.Items, r.Decided, r.Shared)).ToList(),
            actor.Is(Role.ReviewOfficer) ? names : []);
    }
}

/// An officer plans a CRG meeting of their office: the date is in the future, and the cases waiting for the CRG
/// (a decision or a sign-off) that are on no other meeting's open agenda are proposed at once.
public sealed class CreateCrgMeetingHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<int>> HandleAsync(Actor actor, int officeId, DateOnly? meetingDate, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!CrgAccess.CanChange(actor, officeId))
        {
            await audit.RefusedAsync(db, actor, "CrgMeeting", null, null, $"create meeting for office {officeId}", ct);
            return new AccessRefused("planning this office's CRG meetings");
        }

        var errors = CrgRules.ValidateMeetingDate(meetingDate, clock.Today);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var meeting = new CrgMeeting { OfficeId = officeId, MeetingDate = meetingDate!.Value, CreatedAtUtc = clock.UtcNow, CreatedByUserId = actor.UserId };
        db.CrgMeetings.Add(meeting);
        foreach (var (reviewId, purpose) in await CrgAgenda.WaitingAsync(db, officeId, ct))
        {
            meeting.Items.Add(new CrgAgendaItem { ReviewId = reviewId, Purpose = purpose, Proposed = true, AddedAtUtc = clock.UtcNow });
        }

        audit.Add(db, actor, AuditAction.Created, "CrgMeeting", null, null, null, $"meeting on {meeting.MeetingDate:yyyy-MM-dd}, {meeting.Items.Count} cases proposed");
        await db.SaveChangesAsync(ct);
        return meeting.Id;
    }
}

/// The agenda's rules shared by the handlers.
public static class CrgAgenda
{
    /// Cases led by the office that wait for the CRG and are on no agenda still waiting for an outcome.
    public static async Task<IReadOnlyList<(int ReviewId, AgendaPurpose Purpose)>> WaitingAsync(IReviewDb db, int officeId, CancellationToken ct)
    {
        var candidates = await db.Reviews.AsNoTracking()
            .Where(r => r.LeadOfficeId == officeId
                && (r.Stage == Stage.NotificationReceived || r.Stage == Stage.AwaitingCrgDecision || (r.Stage == Stage.CrgSignOff && r.SignedOffOn == null))
                && !db.CrgAgendaItems.Any(i => i.ReviewId == r.Id && i.Outcome == null))
            .OrderBy(r => r.DateNotified).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Stage, r.SignedOffOn })
            .ToListAsync(ct);
        return candidates.Select(c => (c.Id, CrgRules.PurposeFor(c.Stage, c.SignedOffOn)!.Value)).ToList();
    }
}
