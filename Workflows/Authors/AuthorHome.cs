using Domain;
using Domain.Access;
using Domain.Authors;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Authors;

public sealed record MyAppointment(int ReviewId, string Reference, string CaseLabel, Stage Stage, AppointmentRole Role, DateOnly AppointedOn);

public sealed record MyEoi(long Id, string Reference, string CaseLabel, DateOnly ClosesOn, EoiStatus Status, bool Replied, bool? Interested, bool AcceptsReplies);

public sealed record AuthorHome(IReadOnlyList<MyAppointment> Appointments, IReadOnlyList<MyEoi> Eois, string? Availability, bool HasProfile);

/// An author's own page: the reviews they are appointed to now, and the expressions of interest sent to them.
public sealed class AuthorHomeQuery(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<AuthorHome>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!actor.Is(Role.IndependentAuthor))
        {
            await audit.RefusedAsync(db, actor, "AuthorHome", null, null, "view an author's reviews", ct);
            return new AccessRefused("this page (independent chairs/authors only)");
        }

        var me = actor.UserId;
        var appointments = await (from a in db.AuthorAppointments.AsNoTracking()
                                  join r in db.Reviews on a.ReviewId equals r.Id
                                  where a.UserId == me && a.EndedOn == null
                                        && r.Participants.AsQueryable().Where(ActiveParticipants.IsChairAuthor).Any(p => p.UserId == me)
                                  orderby r.Reference
                                  select new MyAppointment(r.Id, r.Reference, r.CaseLabel, r.Stage, a.Role, a.AppointedOn)).ToListAsync(ct);
        var today = clock.Today;
        var eois = await (from x in db.EoiRecipients.AsNoTracking()
                          join e in db.ExpressionsOfInterest on x.ExpressionOfInterestId equals e.Id
                          join r in db.Reviews on e.ReviewId equals r.Id
                          where x.UserId == me
                          orderby e.Id descending
                          select new { e.Id, r.Reference, r.CaseLabel, e.ClosesOn, e.Status, Replied = x.RepliedAtUtc != null, x.Interested }).ToListAsync(ct);
        var profile = await db.AuthorProfiles.AsNoTracking().Where(p => p.UserId == me).Select(p => new { p.Availability }).SingleOrDefaultAsync(ct);
        return new AuthorHome(appointments,
            eois.Select(e => new MyEoi(e.Id, e.Reference, e.CaseLabel, e.ClosesOn, e.Status, e.Replied, e.Interested, e.Status == EoiStatus.Open && today <= e.ClosesOn)).ToList(),
            profile?.Availability, profile is not null);
    }
}
