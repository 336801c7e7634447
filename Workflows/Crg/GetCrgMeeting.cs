using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Crg;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Crg;

/// One case on the agenda as the papers show it: case label and reference, the summary, the stage and what the CRG
/// is asked, the papers the office attached for it; and, once recorded, the outcome. Nothing else of the case (no
/// names, none of its other documents, no journal).
public sealed record AgendaItemView(long Id, int ReviewId, string Reference, string CaseLabel, string Summary, Stage Stage, AgendaPurpose Purpose,
    bool Proposed, bool Carried, CrgItemOutcome? Outcome, string? Rationale, bool AlternativeReview, IReadOnlyList<string> Amendments,
    IReadOnlyList<CrgPaperLink> Papers);

public sealed record AgendaCandidate(int ReviewId, string Reference, string CaseLabel, AgendaPurpose Purpose);

public sealed record CrgMeetingView(int Id, int OfficeId, string Office, DateOnly MeetingDate, bool PapersShared, bool HasTakenPlace, bool CanChange,
    IReadOnlyList<AgendaItemView> Items, IReadOnlyList<AgendaCandidate> Candidates, TimeOnly? StartsAt = null, string? Place = null);

/// Opens a meeting: its office's staff, or its office's CRG members once the papers are shared. Every view of the
/// papers by a CRG member is audited per case; a refused read is audited and answered the same way whether or not
/// the meeting exists.
public sealed class GetCrgMeetingQuery(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<CrgMeetingView>> HandleAsync(Actor actor, int meetingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var meeting = await db.CrgMeetings.AsNoTracking().Include(m => m.Items).ThenInclude(i => i.Amendments)
            .SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null || !CrgAccess.CanRead(actor, meeting))
        {
            await audit.RefusedAsync(db, actor, "CrgMeeting", meetingId.ToString(), null, "view CRG meeting", ct);
            return new AccessRefused("this CRG meeting");
        }

        var ids = meeting.Items.Select(i => i.ReviewId).ToArray();
        var reviews = await db.Reviews.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Reference, r.CaseLabel, r.Summary, r.Stage }).ToDictionaryAsync(r => r.Id, ct);
        var papers = await CrgPaperAccessRule.ListAsync(db, meeting.Items.Select(i => i.Id).ToList(), ct);
        var items = meeting.Items.OrderBy(i => i.Purpose).ThenBy(i => reviews[i.ReviewId].Reference)
            .Select(i =>
            {
                var r = reviews[i.ReviewId];
                return new AgendaItemView(i.Id, i.ReviewId, r.Reference, r.CaseLabel, r.Summary, r.Stage, i.Purpose, i.Proposed, i.CarriedFromItemId is not null,
                    i.Outcome, i.Rationale, i.AlternativeReview, i.Amendments.OrderBy(a => a.Number).Select(a => a.Text).ToList(), papers[i.Id].ToList());
            }).ToList();

        var canChange = CrgAccess.CanChange(actor, meeting.OfficeId);
        IReadOnlyList<AgendaCandidate> candidates = [];
        if (canChange)
        {
            var waiting = (await CrgAgenda.WaitingAsync(db, meeting.OfficeId, ct)).ToDictionary(w => w.ReviewId, w => w.Purpose);
            var waitingIds = waiting.Keys.ToArray();
            candidates = await db.Reviews.AsNoTracking().Where(r => waitingIds.Contains(r.Id)).OrderBy(r => r.Reference)
                .Select(r => new { r.Id, r.Reference, r.CaseLabel }).ToListAsync(ct) is var found
                ? found.Select(r => new AgendaCandidate(r.Id, r.Reference, r.CaseLabel, waiting[r.Id])).ToList()
                : [];
        }

        if (!actor.IsOfficeStaff)
        {
            foreach (var item in items)
            {
                audit.Add(db, actor, AuditAction.Viewed, "CrgAgendaPapers", meeting.Id.ToString(), item.ReviewId, item.Reference, "CRG agenda papers");
            }

            await db.SaveChangesAsync(ct);
        }

        var office = await db.Organisations.AsNoTracking().Where(o => o.Id == meeting.OfficeId).Select(o => o.Name).SingleAsync(ct);
        return new CrgMeetingView(meeting.Id, meeting.OfficeId, office, meeting.MeetingDate, meeting.PapersSharedAtUtc is not null,
            meeting.MeetingDate <= clock.Today, canChange, items, candidates, meeting.StartsAt, meeting.Place);
    }
}
