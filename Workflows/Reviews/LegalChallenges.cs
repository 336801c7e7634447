using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Process;
using Workflows.Time;

namespace Workflows.Reviews;

/// A legal challenge as the lead office enters it: a new one (ChallengeId null) or the same one as it goes on (the
/// hearing, then the outcome). ExpectedVersion is the version the page showed.
public sealed record SaveLegalChallenge(int ReviewId, long? ChallengeId, LegalChallengeKind? Kind, DateOnly? LodgedOn, DateOnly? HearingOn,
    DateOnly? OutcomeOn, LegalChallengeOutcome? Outcome, long? AppealOfId, string? Note, int? ExpectedVersion = null);

public sealed record LegalChallengeRow(long Id, LegalChallengeKind Kind, DateOnly LodgedOn, DateOnly? HearingOn, DateOnly? OutcomeOn,
    LegalChallengeOutcome? Outcome, long? AppealOfId, string? Note, int Version)
{
    public bool IsOpen => OutcomeOn is null;
}

/// A review's legal challenges, oldest first, whether it is under challenge, and whether this reader may record them.
public sealed record LegalChallengesView(IReadOnlyList<LegalChallengeRow> Challenges, bool UnderChallenge, bool CanRecord);

/// Records a legal challenge and each step of it, in one context and one transaction: the challenge, the review's
/// "under challenge" (on while any of its challenges has no outcome, cleared with the last outcome), a journal entry
/// dated the day the step happened and an audit row. Only the lead office's officers and managers; a refusal is
/// audited. Bad input saves nothing.
public sealed class SaveLegalChallengeHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<LegalChallengesView>> HandleAsync(Actor actor, SaveLegalChallenge request, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var reviewId = request.ReviewId;
        var access = await (await CaseScope.LoadAsync(db, actor, ct)).ForAsync(db, reviewId, ct);
        if (!access.CanChange || !actor.IsOfficeStaff)
        {
            await audit.RefusedAsync(db, actor, "LegalChallenge", request.ChallengeId?.ToString(CultureInfo.InvariantCulture), reviewId,
                "record a legal challenge", ct);
            return new AccessRefused("this review's legal challenges");
        }

        var review = await db.Reviews.SingleAsync(r => r.Id == reviewId, ct);
        LegalChallenge? challenge = null;
        if (request.ChallengeId is { } id)
        {
            challenge = await db.LegalChallenges.SingleOrDefaultAsync(c => c.Id == id && c.ReviewId == reviewId, ct);
            if (challenge is null)
            {
                return new NotFound("The legal challenge");
            }

            if (request.ExpectedVersion is { } expected && expected != challenge.Version)
            {
                return new Conflict("This legal challenge");
            }
        }

        LegalChallenge? appealOf = null;
        if (request.AppealOfId is { } appealed)
        {
            appealOf = await db.LegalChallenges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == appealed && c.ReviewId == reviewId && c.Id != request.ChallengeId, ct);
            if (appealOf is null)
            {
                return new ValidationFailed([new Error("Choose a challenge of this review with an outcome.", "AppealOfId")]);
            }
        }

        var errors = LegalChallengeRules.Check(request.Kind, request.LodgedOn, request.HearingOn, request.OutcomeOn, request.Outcome, appealOf, request.Note,
            review.DateNotified, clock.Today);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var now = clock.UtcNow;
        var isNew = challenge is null;
        challenge ??= db.LegalChallenges.Add(new LegalChallenge { ReviewId = reviewId, RecordedByUserId = actor.UserId }).Entity;
        var step = Step(challenge, request);
        challenge.Kind = request.Kind!.Value;
        challenge.LodgedOn = request.LodgedOn!.Value;
        challenge.HearingOn = request.HearingOn;
        challenge.OutcomeOn = request.OutcomeOn;
        challenge.Outcome = request.OutcomeOn is null ? null : request.Outcome;
        challenge.AppealOfId = request.AppealOfId;
        challenge.Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        challenge.RecordedAtUtc = now;
        challenge.Version++;

        var othersOpen = await db.LegalChallenges.AnyAsync(c => c.ReviewId == reviewId && c.Id != challenge.Id && c.OutcomeOn == null, ct);
        var wasUnder = review.UnderChallenge;
        review.UnderChallenge = othersOpen || challenge.IsOpen;
        review.Version++;
        var detail = $"{LegalChallenge.Describe(challenge.Kind)} {step.What}"
                     + (wasUnder == review.UnderChallenge ? "." : review.UnderChallenge ? ": the review is under challenge." : ": the review is no longer under challenge.");
        CaseChanges.Record(db, review, actor, now, JournalKind.Recorded, detail, step.On);
        audit.Add(db, actor, isNew ? AuditAction.Created : AuditAction.Changed, "LegalChallenge", isNew ? null : challenge.Id.ToString(CultureInfo.InvariantCulture),
            reviewId, review.Reference, detail);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("This review");
        }

        return await LegalChallengesQuery.ViewAsync(db, reviewId, review.UnderChallenge, canRecord: true, ct);
    }

    /// What this save records, and the day it happened: the outcome, the hearing or the lodging, the latest given.
    private static (string What, DateOnly On) Step(LegalChallenge before, SaveLegalChallenge request) =>
        request.OutcomeOn is { } decided && before.OutcomeOn != decided
            ? ($"decided {UkDate.Format(decided)}: {LegalChallenge.Describe(request.Outcome!.Value).ToLowerInvariant()}", decided)
            : request.HearingOn is { } heard && before.HearingOn != heard
                ? ($"heard {UkDate.Format(heard)}", heard)
                : before.Id == 0
                    ? ($"lodged {UkDate.Format(request.LodgedOn!.Value)}" + (request.AppealOfId is null ? string.Empty : " (an appeal of an earlier challenge's outcome)"), request.LodgedOn!.Value)
                    : ("corrected", request.OutcomeOn ?? request.HearingOn ?? request.LodgedOn!.Value);
}

/// A review's legal challenges for its page: those who may read the review; a reader without access is refused and
/// audited.
public sealed class LegalChallengesQuery(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<LegalChallengesView>> HandleAsync(Actor actor, int reviewId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var access = await (await CaseScope.LoadAsync(db, actor, ct)).ForAsync(db, reviewId, ct);
        if (!access.CanRead)
        {
            await audit.RefusedAsync(db, actor, "Review", reviewId.ToString(CultureInfo.InvariantCulture), reviewId, "view legal challenges", ct);
            return new AccessRefused("this review");
        }

        var under = await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => r.UnderChallenge).SingleAsync(ct);
        return await ViewAsync(db, reviewId, under, access.CanChange && actor.IsOfficeStaff, ct);
    }

    internal static async Task<LegalChallengesView> ViewAsync(IReviewDb db, int reviewId, bool underChallenge, bool canRecord, CancellationToken ct)
    {
        var rows = await db.LegalChallenges.AsNoTracking().Where(c => c.ReviewId == reviewId).OrderBy(c => c.LodgedOn).ThenBy(c => c.Id)
            .Select(c => new LegalChallengeRow(c.Id, c.Kind, c.LodgedOn, c.HearingOn, c.OutcomeOn, c.Outcome, c.AppealOfId, c.Note, c.Version))
            .ToListAsync(ct);
        return new LegalChallengesView(rows, underChallenge, canRecord);
    }
}
