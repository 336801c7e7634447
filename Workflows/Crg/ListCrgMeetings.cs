using Domain.Access;
using Domain.Crg;
using Domain.Organisations;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Crg;

public sealed record CrgMeetingRow(int Id, DateOnly MeetingDate, string Office, int Items, int Decided, bool PapersShared, TimeOnly? StartsAt = null,
    string? Place = null);

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
                m.StartsAt, m.Place,
            })
            .ToListAsync(ct);
        var names = await db.Organisations.AsNoTracking().Where(o => offices.Contains(o.Id) && o.Kind == OrganisationKind.ReviewOffice)
            .OrderBy(o => o.Name).Select(o => new OfficeChoice(o.Id, o.Name)).ToListAsync(ct);
        var byId = names.ToDictionary(n => n.Id, n => n.Name);
        return new CrgMeetingList(
            rows.Select(r => new CrgMeetingRow(r.Id, r.MeetingDate, byId.GetValueOrDefault(r.OfficeId, "?"), r.Items, r.Decided, r.Shared, r.StartsAt, r.Place)).ToList(),
            actor.Is(Role.ReviewOfficer) ? names : []);
    }
}
