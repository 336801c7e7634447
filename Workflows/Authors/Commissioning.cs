using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Authors;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Process;
using Workflows.Time;

namespace Workflows.Authors;

public sealed record EoiReplyRow(string UserId, string Name, bool Replied, bool? Interested, string? Availability, long? QuotePence, string? Conflicts,
    DateTime? RepliedAtUtc);

public sealed record EoiSummary(long Id, string Summary, DateOnly ClosesOn, EoiStatus Status, DateTime SentAtUtc, IReadOnlyList<EoiReplyRow> Replies);

public sealed record AppointmentRow(long Id, string UserId, string Name, AppointmentRole Role, long FeePence, DateOnly AppointedOn, DateOnly? EndedOn,
    string? EndReason);

public sealed record CommissioningView(int ReviewId, string Reference, string CaseLabel, Stage Stage, int Version, bool CanChange, bool MayCommission,
    IReadOnlyList<EoiSummary> Eois, IReadOnlyList<AppointmentRow> Appointments);

public sealed record AppointRequest(int ReviewId, long? EoiId, string? ChairUserId, bool SamePerson, string? AuthorUserId, string? ChairFee, string? AuthorFee,
    int? ExpectedVersion);

/// Rules the commissioning handlers share.
public static class Commissioning
{
    public const string EmailReason = "ExpressionOfInterest";

    public const string NotCommissioningMessage =
        "An expression of interest can be sent while the review is being commissioned, or after its chair/author's appointment ended.";

    /// Commissioning, or a review whose chair/author left (it is then in Panel and report with nobody appointed).
    public static bool MayCommission(Review r) =>
        r.Stage == Stage.Commissioning || (r.Stage == Stage.PanelAndReport && !r.HasActiveChairAuthor);

    public static string Format(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// The review (tracked, with its participants) if the actor is a review officer of its lead office; otherwise the
    /// refusal is audited.
    internal static async Task<Result<Review>> LeadOfficerReviewAsync(IReviewDb db, Actor actor, int reviewId, AuditLog audit, string what, CancellationToken ct)
    {
        var access = await (await CaseScope.LoadAsync(db, actor, ct)).ForAsync(db, reviewId, ct);
        if (!access.CanChange || !actor.Is(Role.ReviewOfficer))
        {
            await audit.RefusedAsync(db, actor, "Review", reviewId.ToString(), reviewId, what, ct);
            return new AccessRefused(access.CanRead ? "commissioning for this review (review officers of its lead office only)" : "this review");
        }

        return await db.Reviews.Include(r => r.Participants).SingleAsync(r => r.Id == reviewId, ct);
    }
}

/// The commissioning section of a review for office staff who may read it: expressions of interest with the replies
/// side by side, and appointments (current and ended).
public sealed class CommissioningQuery(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<CommissioningView>> HandleAsync(Actor actor, int reviewId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var access = actor.IsOfficeStaff ? await (await CaseScope.LoadAsync(db, actor, ct)).ForAsync(db, reviewId, ct) : CaseAccess.None;
        if (!access.CanRead)
        {
            await audit.RefusedAsync(db, actor, "Review", reviewId.ToString(), reviewId, "view commissioning", ct);
            return new AccessRefused("this review's commissioning");
        }

        var review = await db.Reviews.AsNoTracking().Include(r => r.Participants).SingleAsync(r => r.Id == reviewId, ct);
        var names = db.AuthorProfiles.AsNoTracking();
        var eois = await db.ExpressionsOfInterest.AsNoTracking().Include(e => e.Recipients).Where(e => e.ReviewId == reviewId)
            .OrderByDescending(e => e.SentAtUtc).ThenByDescending(e => e.Id).ToListAsync(ct);
        var userIds = eois.SelectMany(e => e.Recipients.Select(x => x.UserId)).ToList();
        var appointments = await db.AuthorAppointments.AsNoTracking().Where(a => a.ReviewId == reviewId)
            .OrderBy(a => a.EndedOn != null).ThenByDescending(a => a.AppointedOn).ThenByDescending(a => a.Id).ToListAsync(ct);
        userIds.AddRange(appointments.Select(a => a.UserId));
        var nameOf = await NamesAsync(db, userIds, ct);
        audit.Add(db, actor, AuditAction.Viewed, "Review", reviewId.ToString(), reviewId, review.Reference, "commissioning: expressions of interest and appointments");
        await db.SaveChangesAsync(ct);

        return new CommissioningView(review.Id, review.Reference, review.CaseLabel, review.Stage, review.Version, access.CanChange && actor.Is(Role.ReviewOfficer),
            Commissioning.MayCommission(review),
            eois.Select(e => new EoiSummary(e.Id, e.Summary, e.ClosesOn, e.Status, e.SentAtUtc,
                e.Recipients.Select(x => new EoiReplyRow(x.UserId, nameOf(x.UserId), x.RepliedAtUtc is not null, x.Interested, x.Availability, x.QuotePence,
                    x.Conflicts, x.RepliedAtUtc)).OrderBy(x => x.Name).ToList())).ToList(),
            appointments.Select(a => new AppointmentRow(a.Id, a.UserId, nameOf(a.UserId), a.Role, a.FeePence, a.AppointedOn, a.EndedOn, a.EndReason)).ToList());
    }

    /// The directory name, or the account's display name for an author without an entry.
    internal static async Task<Func<string, string>> NamesAsync(IReviewDb db, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        var profiles = await db.AuthorProfiles.AsNoTracking().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, p => p.Name, ct);
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return id => profiles.GetValueOrDefault(id) ?? users.GetValueOrDefault(id) ?? "Unknown account";
    }
}

/// Appoints a chair and an author (one person for both, or two) with the agreed fees, through the workflow
/// engine's Trigger.AppointAuthor, which writes the participant rows (case access) and the appointments.
public sealed class AppointAuthorHandler(WorkflowEngine engine, IReviewDbFactory dbs)
{
    public async Task<Result<TransitionResult>> HandleAsync(Actor actor, AppointRequest request, string idempotencyKey, CancellationToken ct = default)
    {
        var errors = new List<Error>();
        if (Money.Parse(request.ChairFee, nameof(AppointRequest.ChairFee), request.SamePerson ? "the agreed fee" : "the chair's agreed fee", out var chairFee) is { } e1)
        {
            errors.Add(e1);
        }

        long authorFee = 0;
        if (!request.SamePerson)
        {
            if (string.IsNullOrWhiteSpace(request.AuthorUserId))
            {
                errors.Add(new Error("Choose the author, or say that one person is both chair and author.", nameof(AppointRequest.AuthorUserId)));
            }

            if (Money.Parse(request.AuthorFee, nameof(AppointRequest.AuthorFee), "the author's agreed fee", out authorFee) is { } e2)
            {
                errors.Add(e2);
            }
        }

        if (string.IsNullOrWhiteSpace(request.ChairUserId))
        {
            errors.Add(new Error(request.SamePerson ? "Choose the chair/author to appoint." : "Choose the chair to appoint.", nameof(AppointRequest.ChairUserId)));
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var args = new TriggerArgs
        {
            AuthorUserId = request.ChairUserId,
            FeePence = chairFee,
            SecondAuthorUserId = request.SamePerson ? null : request.AuthorUserId,
            SecondFeePence = request.SamePerson ? null : authorFee,
            ExpressionOfInterestId = request.EoiId,
            ExpectedVersion = request.ExpectedVersion,
        };
        var result = await engine.FireAsync(request.ReviewId, Trigger.AppointAuthor, args, actor, idempotencyKey, ct);
        if (!result.IsSuccess)
        {
            return result.Error is ValidationFailed failed ? new ValidationFailed(failed.Errors.Select(ToFormField).ToList()) : result.Error!;
        }

        // The expressions of interest of this review stop taking replies (their authors' tasks were closed by the engine).
        await using var db = await dbs.CreateAsync(ct);
        await db.ExpressionsOfInterest.Where(x => x.ReviewId == request.ReviewId && x.Status == EoiStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, EoiStatus.Appointed), ct);
        return result;
    }

    private static Error ToFormField(Error e) => e with
    {
        Field = e.Field switch
        {
            nameof(TriggerArgs.AuthorUserId) => nameof(AppointRequest.ChairUserId),
            nameof(TriggerArgs.FeePence) => nameof(AppointRequest.ChairFee),
            nameof(TriggerArgs.SecondAuthorUserId) => nameof(AppointRequest.AuthorUserId),
            nameof(TriggerArgs.SecondFeePence) => nameof(AppointRequest.AuthorFee),
            _ => e.Field,
        },
    };
}

/// Ends an appointment (e.g. the chair resigns): the person's participant row is revoked at once (their access ends
/// on their next request), the review's journal and the audit trail record it, and a task to appoint someone new
/// is opened; the officer can then reopen the expression of interest.
public sealed class EndAppointmentHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, DeadlineSettings deadlines)
{
    public async Task<Result<long>> HandleAsync(Actor actor, long appointmentId, string? reason, int? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var appointment = await db.AuthorAppointments.SingleOrDefaultAsync(a => a.Id == appointmentId, ct);
        if (appointment is null)
        {
            await audit.RefusedAsync(db, actor, "AuthorAppointment", appointmentId.ToString(), null, "end an appointment", ct);
            return new AccessRefused("this appointment");
        }

        var found = await Commissioning.LeadOfficerReviewAsync(db, actor, appointment.ReviewId, audit, "end an appointment", ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var review = found.Value;
        if (expectedVersion is int expected && expected != review.Version)
        {
            return new Conflict("This review");
        }

        if (!appointment.IsActive)
        {
            return new Error("This appointment has already ended.");
        }

        var text = reason?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return new ValidationFailed([new Error("Enter the reason the appointment ends, for example \"Resigned for personal reasons\".", "Reason")]);
        }

        if (text.Length > AuthorAppointment.EndReasonMaxLength)
        {
            return new ValidationFailed([new Error($"The reason must be {AuthorAppointment.EndReasonMaxLength} characters or fewer.", "Reason")]);
        }

        var now = clock.UtcNow;
        var today = clock.Today;
        appointment.EndedOn = today;
        appointment.EndReason = text;
        appointment.EndedByUserId = actor.UserId;
        var stillAppointed = await db.AuthorAppointments.AnyAsync(a => a.ReviewId == review.Id && a.UserId == appointment.UserId && a.Id != appointment.Id && a.EndedOn == null, ct);
        if (!stillAppointed)
        {
            foreach (var p in review.Participants.Where(p => p.UserId == appointment.UserId && p.Kind == ParticipantKind.ChairAuthor && p.RevokedAtUtc == null))
            {
                p.RevokedAtUtc = now;
            }
        }

        var changes = await CaseChanges.LoadAsync(db, review, actor, now, deadlines, ct);
        changes.Note($"{AuthorAppointment.Describe(appointment.Role)} appointment ended; access to the case removed.");
        if (!review.HasActiveChairAuthor && changes.OpenItems.All(w => w.Kind != WorkItemKind.AppointAuthor) && review.Stage is not (Stage.Closed or Stage.OnHold))
        {
            changes.OpenItem(WorkItemKind.AppointAuthor, "Appoint a new independent chair/author");
        }

        changes.Journal(JournalKind.AppointmentEnded, review.Stage, null, text);
        review.Version++;
        audit.Add(db, actor, AuditAction.Changed, "AuthorAppointment", appointment.Id.ToString(), review.Id, review.Reference,
            $"{AuthorAppointment.Describe(appointment.Role)} appointment ended; participant access revoked");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("This review");
        }

        return appointment.Id;
    }
}

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
